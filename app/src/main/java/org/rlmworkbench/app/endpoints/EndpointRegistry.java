package org.rlmworkbench.app.endpoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.rlmworkbench.runner.endpoint.Endpoint;
import org.rlmworkbench.runner.endpoint.EndpointModels;
import org.rlmworkbench.runner.endpoint.EndpointsFile;
import org.rlmworkbench.runner.endpoint.OpenAiCompatibleModel;
import org.rlmworkbench.runner.endpoint.Outage;
import org.rlmworkbench.runner.endpoint.OutageGate;
import org.rlmworkbench.runner.endpoint.ResumableModel;
import org.rlmworkbench.runner.model.LanguageModel;
import org.rlmworkbench.runner.model.ModelCatalog;

/**
 * The endpoints of an endpoints file as choices of the Writer and Judge pickers. Each is wrapped so
 * that a failure mid-run pauses the run at one {@link OutageGate} (the window shows it and offers
 * Resume) and so that the prompts in flight can be counted. Listeners are called on the run's thread.
 */
public final class EndpointRegistry implements AutoCloseable {
    private final ModelCatalog catalog;
    private final Function<String, String> environment;
    private final OutageGate gate = new OutageGate();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<IntConsumer> inFlightListeners = new CopyOnWriteArrayList<>();
    // every client made, closed with the registry: a run may still use one after a reload
    private final List<OpenAiCompatibleModel> clients = new CopyOnWriteArrayList<>();
    private List<String> registered = List.of();

    public EndpointRegistry(ModelCatalog catalog, Function<String, String> environment) {
        this.catalog = catalog;
        this.environment = environment;
    }

    /**
     * Puts the endpoints of {@code file} in the catalogue in place of those registered before (none
     * when the file does not exist).
     *
     * @return the names now registered, in the file's order
     * @throws org.rlmworkbench.runner.endpoint.EndpointsFileException naming the file and field at fault
     */
    public List<String> load(Path file) {
        EndpointsFile f = EndpointsFile.loadOrEmpty(file);
        registered.forEach(catalog::removeLanguageModel);
        List<String> names = new ArrayList<>();
        for (Endpoint e : f.endpoints()) {
            if (e.name().equals("none")) {
                continue;  // the pickers' "no model"
            }
            OpenAiCompatibleModel client = EndpointModels.open(f, e.name(), environment);
            clients.add(client);
            LanguageModel model = new ResumableModel(new InFlightModel(client, inFlight, this::fire), gate);
            catalog.addLanguageModel(e.name(), () -> model);
            names.add(e.name());
        }
        registered = List.copyOf(names);
        return registered;
    }

    /** The endpoint names registered now. */
    public List<String> names() {
        return registered;
    }

    /** Told of each pause ({@code Optional.of(outage)}) and resume ({@code Optional.empty()}). */
    public void onOutage(Consumer<Optional<Outage>> l) {
        gate.addListener(l);
    }

    /** Asks the failed call again. */
    public void resume() {
        gate.resume();
    }

    /** The outage a run waits on, if any. */
    public Optional<Outage> outage() {
        return gate.current();
    }

    /** Told the number of prompts in flight whenever it changes. */
    public void onInFlight(IntConsumer l) {
        inFlightListeners.add(l);
    }

    /** Prompts sent to endpoints and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    private void fire(int n) {
        inFlightListeners.forEach(l -> l.accept(n));
    }

    @Override
    public void close() {
        clients.forEach(OpenAiCompatibleModel::close);
    }
}
