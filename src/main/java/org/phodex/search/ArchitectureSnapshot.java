package org.phodex.search;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.phodex.spec.ArchitectureSpec;
import org.phodex.spec.Design;
import org.phodex.spec.Param;
import org.phodex.spec.Params;
import org.phodex.spec.SearchRange;

/**
 * A serializable copy of an {@link ArchitectureSpec} as resolved at the start of a run, kept in the
 * checkpoint so that a resumed run uses exactly the same spec even if the YAML file changed since.
 */
public record ArchitectureSnapshot(String name, String family, String description, String citation, String file,
                                   TreeMap<String, Object> defaults, LinkedHashMap<String, Range> searchSpace,
                                   double[] constraints) implements Serializable {

    /** A search range by parameter name (the {@link Param} is looked up again on restore). */
    public record Range(double min, double max, double step, ArrayList<Object> choices,
                        Param.Kind kind, double paramMin, double paramMax, String unit) implements Serializable {
    }

    public static ArchitectureSnapshot of(ArchitectureSpec s) {
        LinkedHashMap<String, Range> space = new LinkedHashMap<>();
        for (Map.Entry<String, SearchRange> e : s.searchSpace().entrySet()) {
            SearchRange r = e.getValue();
            space.put(e.getKey(), new Range(r.min(), r.max(), r.step(), new ArrayList<>(r.choices()),
                    r.param().kind(), r.param().min(), r.param().max(), r.param().unit()));
        }
        ArchitectureSpec.Constraints c = s.constraints();
        return new ArchitectureSnapshot(s.name(), s.family(), s.description(), s.citation(),
                s.file() == null ? null : s.file().toString(), new TreeMap<>(s.defaults().params()), space,
                new double[] {c.maxAreaMm2(), c.maxPowerW(), c.minAccuracy(), c.maxLatencyS()});
    }

    public ArchitectureSpec toSpec() {
        Map<String, SearchRange> space = new LinkedHashMap<>();
        for (Map.Entry<String, Range> e : searchSpace.entrySet()) {
            Range r = e.getValue();
            Param p = Params.all().containsKey(e.getKey()) ? Params.get(e.getKey())
                    : new Param(e.getKey(), r.kind(), r.paramMin(), r.paramMax(), List.of(), r.unit(), "");
            space.put(e.getKey(), new SearchRange(p, r.min(), r.max(), r.step(), r.choices()));
        }
        return new ArchitectureSpec(name, family, description, citation, file == null ? null : Path.of(file),
                new Design(name, defaults), space, new ArchitectureSpec.Constraints(constraints[0],
                constraints[1], constraints[2], constraints[3]));
    }
}
