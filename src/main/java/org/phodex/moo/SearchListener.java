package org.phodex.moo;

import java.util.List;

/** Hooks the run folder and the progress line use; both are called on the search thread, in order. */
public interface SearchListener {

    /** A batch of new evaluations, in evaluation-id order (cache hits are not repeated). */
    default void evaluated(List<Evaluation> batch) {
    }

    /** A generation finished; {@code state} is consistent and may be checkpointed. */
    default void generationDone(GenerationStats stats, SearchState state) {
    }

    static SearchListener all(List<SearchListener> listeners) {
        return new SearchListener() {
            @Override
            public void evaluated(List<Evaluation> batch) {
                listeners.forEach(l -> l.evaluated(batch));
            }

            @Override
            public void generationDone(GenerationStats stats, SearchState state) {
                listeners.forEach(l -> l.generationDone(stats, state));
            }
        };
    }
}
