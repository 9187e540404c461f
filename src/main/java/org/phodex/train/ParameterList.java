package org.phodex.train;

import java.util.ArrayList;
import java.util.List;

/** The parameters of a {@link Net} with their names and decay flags, in creation order. */
abstract class ParameterList implements Net {
    private final List<Tensor> params = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> decays = new ArrayList<>();

    /** Registers a parameter; returns it. */
    final Tensor register(String name, Tensor t, boolean decay) {
        params.add(t);
        names.add(name);
        decays.add(decay);
        return t;
    }

    @Override
    public final List<Tensor> parameters() {
        return List.copyOf(params);
    }

    @Override
    public final List<String> names() {
        return List.copyOf(names);
    }

    @Override
    public final boolean[] decays() {
        boolean[] d = new boolean[decays.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = decays.get(i);
        }
        return d;
    }
}
