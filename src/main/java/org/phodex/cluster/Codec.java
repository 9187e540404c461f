package org.phodex.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Bytes of what travels inside a task or a result (a context, a design, an outcome), read back through a
 * deserialization filter that admits only phodex's own value classes and the few JDK types they are made of:
 * no other class is ever instantiated from the network, even with a valid MAC.
 */
public final class Codec {
    /** JDK classes the phodex values are built from (boxed numbers, strings, collections, arrays). */
    static final Set<String> JDK = Set.of("java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Integer",
            "java.lang.Long", "java.lang.Double", "java.lang.Float", "java.lang.Short", "java.lang.Byte",
            "java.lang.Boolean", "java.lang.Character", "java.lang.Enum", "java.util.ArrayList",
            "java.util.LinkedHashMap", "java.util.HashMap", "java.util.TreeMap", "java.util.Map$Entry", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSortedMap", "java.util.ImmutableCollections$CollSer");
    /** phodex's value classes that may arrive: a task's context and design, a result's outcome. */
    static final Set<String> PHODEX = Set.of("org.phodex.cluster.EvalContext", "org.phodex.cluster.Fingerprint",
            "org.phodex.search.ArchitectureSnapshot", "org.phodex.search.ArchitectureSnapshot$Range",
            "org.phodex.spec.Param$Kind", "org.phodex.spec.Design", "org.phodex.moo.Outcome",
            "org.phodex.moo.Outcome$Wire");
    static final long MAX_BYTES = 64L << 20;
    static final long MAX_DEPTH = 32;
    static final long MAX_REFERENCES = 1_000_000;
    static final long MAX_ARRAY = 1 << 24;

    /** The filter: allowed classes only, bounded size, depth, references and arrays. */
    public static final ObjectInputFilter FILTER = info -> check(info) == null ? ObjectInputFilter.Status.ALLOWED
            : ObjectInputFilter.Status.REJECTED;

    private Codec() {
    }

    /** Null when the stream may go on, else why not (the class refused, or the limit passed). */
    static String check(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES
                || info.arrayLength() > MAX_ARRAY) {
            return "size limits passed";
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return null;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return allowed(c) ? null : "class " + c.getName() + " is not allowed";
    }

    static boolean allowed(Class<?> c) {
        return c.isPrimitive() || JDK.contains(c.getName()) || PHODEX.contains(c.getName());
    }

    public static byte[] write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    /** Reads a value of type {@code type}; IllegalArgumentException when the bytes are refused or malformed. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        String[] why = new String[1];
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> {
                String w = check(info);
                if (w != null && why[0] == null) {
                    why[0] = w;
                }
                return w == null ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
            });
            Object o = in.readObject();
            if (!type.isInstance(o)) {
                throw new IllegalArgumentException("expected a " + type.getSimpleName() + ", got "
                        + (o == null ? "null" : o.getClass().getName()));
            }
            return type.cast(o);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("refused to deserialize: " + (why[0] != null ? why[0]
                    : e.getMessage()), e);
        }
    }
}
