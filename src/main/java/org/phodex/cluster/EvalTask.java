package org.phodex.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * One design to evaluate on a worker (or, without a design, a probe: "would you evaluate this context?"). Travels
 * as Hazelcast's identified data serialization (only {@link Factory}'s class is instantiated, no Java
 * serialization); its parts are opaque bytes with an HMAC over them, checked by the worker's
 * {@link WorkerService} before anything is deserialized. The answer is {@link Reply} bytes.
 */
public final class EvalTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x70686478; // "phdx"
    static final int CLASS_ID = 1;

    long id;
    byte[] context;
    byte[] fingerprint;
    /** Null for a probe. */
    byte[] design;
    byte[] mac;
    private transient HazelcastInstance instance;

    public EvalTask() {
        // for deserialization
    }

    EvalTask(long id, byte[] context, byte[] fingerprint, byte[] design, byte[] mac) {
        this.id = id;
        this.context = context;
        this.fingerprint = fingerprint;
        this.design = design;
        this.mac = mac;
    }

    /** A signed task. */
    static EvalTask signed(Secret secret, long id, byte[] context, byte[] fingerprint, byte[] design) {
        return new EvalTask(id, context, fingerprint, design, secret.mac(id, context, fingerprint, design));
    }

    boolean verifies(Secret secret) {
        return secret.verify(mac, id, context, fingerprint, design);
    }

    @Override
    public byte[] call() {
        Object s = instance == null ? null : instance.getUserContext().get(WorkerService.KEY);
        if (!(s instanceof WorkerService service)) {
            return Reply.refused("this cluster member is not a phodex worker");
        }
        return service.handle(this);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(id);
        out.writeByteArray(context);
        out.writeByteArray(fingerprint);
        out.writeByteArray(design);
        out.writeByteArray(mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        id = in.readLong();
        context = in.readByteArray();
        fingerprint = in.readByteArray();
        design = in.readByteArray();
        mac = in.readByteArray();
    }

    /** Creates the one class phodex sends through Hazelcast. */
    static final class Factory implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            return typeId == CLASS_ID ? new EvalTask() : null;
        }
    }
}
