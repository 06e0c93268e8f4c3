package org.rlmworkbench.runner.neural;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.rlmworkbench.runner.io.AtomicFiles;
import org.rlmworkbench.runner.io.TextFiles;
import org.rlmworkbench.runner.problem.Problem;

/**
 * One embedded network on DJL's PyTorch engine: its config, its block and parameters, and a
 * count of forward passes (so tests can check that adapters batch). Runs on the first GPU when
 * the engine sees one, on the CPU otherwise. Saved as {@code <kind>.params} (DJL parameters) and
 * {@code <kind>.json} ({@link NetConfig}).
 */
public final class NeuralNet implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private NetConfig config;
    private final Model model;
    private final AtomicLong forwards = new AtomicLong();

    private NeuralNet(NetConfig config, Model model) {
        this.config = config;
        this.model = model;
    }

    /**
     * PyTorch's CPU thread pools default to one thread per core; these networks are so small that
     * each operator is over in microseconds, and on a busy machine every operator then waits for
     * its second thread to be scheduled: one thread trained the language model about ten times
     * faster on the shared 2-core machine (docs/neural.md). Set {@code ai.djl.pytorch.num_threads}
     * (and {@code ai.djl.pytorch.num_interop_threads}) to choose otherwise; read once, when the
     * engine starts.
     */
    private static Engine engine() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null && System.getenv("OMP_NUM_THREADS") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine("PyTorch");
    }

    /** GPU 0 when the PyTorch engine reports a GPU, else the CPU. */
    public static Device device() {
        return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** A new network with parameters drawn from {@code seed}. */
    public static NeuralNet create(NetConfig config, long seed) {
        Objects.requireNonNull(config, "config");
        Engine engine = engine();
        engine.setRandomSeed((int) seed);
        Model model = Model.newInstance(config.kind().file(), device(), "PyTorch");
        Block block = newBlock(config);
        block.setInitializer(new XavierInitializer(),
                p -> p.getType() == Parameter.Type.WEIGHT && p.getInitializer() == null);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(config));
        return new NeuralNet(config, model);
    }

    private static Block newBlock(NetConfig c) {
        return switch (c.kind()) {
            case VALUE -> new ValueNetBlock(c.architecture());
            case POLICY -> new PolicyNetBlock(c.architecture());
            case LM -> new CharLmBlock(c.architecture());
        };
    }

    private static Shape[] inputShapes(NetConfig c) {
        Architecture a = c.architecture();
        return switch (c.kind()) {
            case VALUE -> new Shape[] {new Shape(1, a.stateInputs())};
            case POLICY -> new Shape[] {new Shape(1, a.stateInputs()), new Shape(1, 1, a.stepInputs())};
            case LM -> new Shape[] {new Shape(1, a.maxLength())};
        };
    }

    public NetConfig config() {
        return config;
    }

    public Block block() {
        return model.getBlock();
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    /** Forward passes so far (inference and training). */
    public long forwardPasses() {
        return forwards.get();
    }

    /** One inference pass; the outputs belong to the inputs' manager. */
    public NDList predict(NDList inputs) {
        forwards.incrementAndGet();
        return model.getBlock().forward(new ParameterStore(inputs.head().getManager(), false), inputs, false);
    }

    /** A trainer with Adam at {@code learningRate}; the caller computes its own losses. */
    public Trainer newTrainer(float learningRate) {
        return newTrainer(Tracker.fixed(learningRate));
    }

    /** A trainer with Adam whose learning rate follows {@code schedule} (by update count). */
    public Trainer newTrainer(Tracker schedule) {
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Adam.builder().optLearningRateTracker(schedule).build())
                .optDevices(new Device[] {device()});
        return model.newTrainer(tc);
    }

    /** Counts a training forward pass. */
    public void countForward() {
        forwards.incrementAndGet();
    }

    /** Records where the weights came from, for the saved config. */
    public void setProvenance(String hash, String note) {
        config = config.withProvenance(hash, note);
    }

    /** All parameters as bytes (DJL's format), e.g. to compare or copy weights. */
    public byte[] parameterBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Replaces the parameters with ones from {@link #parameterBytes} of a network of the same shape. */
    public void loadParameterBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            model.getBlock().loadParameters(manager(), in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException(e);
        }
        trainable();
    }

    /** Loaded arrays come without gradients; training needs them back. */
    private void trainable() {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient() && !p.getValue().getArray().hasGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    /** Writes {@code <kind>.params} and {@code <kind>.json} into {@code dir}, each atomically. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(config.kind().file() + ".params"), parameterBytes());
        AtomicFiles.writeString(dir.resolve(config.kind().file() + ".json"), JSON.writeValueAsString(config));
    }

    /** {@code field a.b: } for a mapping error inside the config, else nothing. */
    private static String fieldOf(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("field ");
        for (var r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() > 6 ? "." : "").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.append(": ").toString();
    }

    /** Whether {@code dir} holds a network of this kind. */
    public static boolean exists(Path dir, NetKind kind) {
        return Files.isRegularFile(dir.resolve(kind.file() + ".json"));
    }

    /**
     * Loads the network of {@code kind} from {@code dir} for {@code problem}.
     *
     * @throws ModelFileException naming the file when it is missing or unreadable, was made for
     *     another problem or kind, its featurisation differs from this problem's, or its parameters
     *     do not have the shape its config describes
     */
    public static NeuralNet load(Path dir, NetKind kind, Problem<?> problem) {
        Path json = dir.resolve(kind.file() + ".json");
        Path params = dir.resolve(kind.file() + ".params");
        NetConfig c;
        try {
            c = JSON.readValue(TextFiles.read(json, "a model config", 1 << 20), NetConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ModelFileException(json, "cannot read the model config: " + fieldOf(e) + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            String m = e.getMessage();
            throw new ModelFileException(json, m.startsWith(json + ": ") ? m.substring(json.toString().length() + 2) : m, e);
        }
        if (c == null) {
            throw new ModelFileException(json, "is empty; expected a model config (JSON object)");
        }
        ConfigCheck.check(json, c, kind);
        if (!problem.id().equals(c.problem())) {
            String named = c.problem() == null ? "(none)" : c.problem().length() > 40
                    ? c.problem().substring(0, 30) + "... (" + c.problem().length() + " characters)" : c.problem();
            throw new ModelFileException(json, "was trained for problem '" + named + "', not '" + problem.id()
                    + "' (field problem)");
        }
        if (kind != NetKind.LM) {
            Featurisation expected = Featurisation.forProblem(problem, c.featurisation().dims());
            if (!expected.equals(c.featurisation())) {
                throw new ModelFileException(json, "featurisation " + c.featurisation() + " does not match "
                        + expected + " for problem '" + problem.id() + "'");
            }
        }
        if (!Files.isRegularFile(params)) {
            throw new ModelFileException(params, "missing, though " + json.getFileName() + " is there: an incomplete"
                    + " model set");
        }
        NeuralNet net = create(c, 0);
        List<Shape> shapes = new ArrayList<>();
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            shapes.add(p.getValue().getArray().getShape());
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(params))) {
            net.block().loadParameters(net.manager(), in);
            if (in.read() != -1) {
                throw new MalformedModelException("more data than the architecture holds");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            net.close();
            throw new ModelFileException(params, "parameters do not fit the " + kind.file() + " architecture in "
                    + json.getFileName() + " (" + c.architecture() + "): " + e.getMessage(), e);
        }
        int i = 0;
        for (Pair<String, Parameter> p : net.block().getParameters()) {
            Shape got = p.getValue().getArray().getShape();
            if (!got.equals(shapes.get(i))) {
                net.close();
                throw new ModelFileException(params, "parameter " + p.getKey() + " has shape " + got + ", the config "
                        + json.getFileName() + " says " + shapes.get(i));
            }
            i++;
        }
        net.trainable();
        return net;
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return config.kind().file() + " for " + config.problem() + ": " + model.getBlock();
    }
}
