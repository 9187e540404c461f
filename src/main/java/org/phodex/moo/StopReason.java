package org.phodex.moo;

/** Why a search stopped. */
public enum StopReason {
    GENERATIONS("generation budget reached"),
    TIME_LIMIT("time limit reached"),
    MAX_EVALUATIONS("evaluation budget reached"),
    STAGNATION("hypervolume stagnated"),
    INTERRUPTED("interrupted");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
