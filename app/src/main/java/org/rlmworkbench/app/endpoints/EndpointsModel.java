package org.rlmworkbench.app.endpoints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlmworkbench.runner.endpoint.Endpoint;
import org.rlmworkbench.runner.endpoint.EndpointProbe;
import org.rlmworkbench.runner.endpoint.EndpointsFile;
import org.rlmworkbench.runner.endpoint.EndpointsFileException;
import org.rlmworkbench.runner.endpoint.ProbeReport;
import org.rlmworkbench.runner.endpoint.ProbeStore;
import org.rlmworkbench.runner.model.PromptStyle;

/**
 * The Models > Endpoints dialog without its controls: the endpoints of a file, a form for one of
 * them, and the commands add, apply, remove and probe. Every change is saved at once, atomically.
 * The key is never read into the form: {@link #keyStatus()} only says whether the named variable is set.
 */
public final class EndpointsModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    // properties
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty api = new SimpleStringProperty("chat");
    private final StringProperty keyEnv = new SimpleStringProperty("");
    private final StringProperty priceIn = new SimpleStringProperty("0");
    private final StringProperty priceOut = new SimpleStringProperty("0");
    private final StringProperty maxConcurrency = new SimpleStringProperty(Integer.toString(Endpoint.DEFAULT_CONCURRENCY));
    private final StringProperty timeout = new SimpleStringProperty("60");
    private final StringProperty promptStyle = new SimpleStringProperty("few_shot");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringBinding keyStatus;

    private final Function<String, String> environment;
    private EndpointsFile file;
    private String editing;

    /**
     * @param path the endpoints file (created on the first save)
     * @param environment where key variables are looked up ({@code System::getenv})
     * @throws EndpointsFileException when the file exists but cannot be used
     */
    public EndpointsModel(Path path, Function<String, String> environment) {
        this.environment = environment;
        this.file = EndpointsFile.loadOrEmpty(path);
        names.setAll(file.endpoints().stream().map(Endpoint::name).toList());
        keyStatus = Bindings.createStringBinding(() -> {
            String v = keyEnv.get().trim();
            if (v.isEmpty()) {
                return "no key";
            }
            String k = environment.apply(v);
            return "$" + v + (k == null || k.isBlank() ? " is not set" : " is set");
        }, keyEnv);
    }

    public ObservableList<String> names() {
        return names;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty baseUrl() {
        return baseUrl;
    }

    public StringProperty model() {
        return model;
    }

    /** {@code completions} or {@code chat}. */
    public StringProperty api() {
        return api;
    }

    /** The name of the environment variable that holds the key; never the key. */
    public StringProperty keyEnv() {
        return keyEnv;
    }

    public StringProperty priceIn() {
        return priceIn;
    }

    public StringProperty priceOut() {
        return priceOut;
    }

    public StringProperty maxConcurrency() {
        return maxConcurrency;
    }

    public StringProperty timeout() {
        return timeout;
    }

    /** {@code few_shot} or {@code state}. */
    public StringProperty promptStyle() {
        return promptStyle;
    }

    /** "$LOCAL_KEY is set", "$LOCAL_KEY is not set" or "no key". */
    public StringBinding keyStatus() {
        return keyStatus;
    }

    /** What the last command did or why it could not. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public Path path() {
        return file.file();
    }

    // commands

    /** Fills the form with the endpoint called {@code n}. */
    public void select(String n) {
        Endpoint e = file.find(n).orElse(null);
        if (e == null) {
            return;
        }
        editing = n;
        name.set(e.name());
        baseUrl.set(e.baseUrl());
        model.set(e.model());
        api.set(e.api().key());
        keyEnv.set(e.apiKeyEnv() == null ? "" : e.apiKeyEnv());
        priceIn.set(number(e.priceIn()));
        priceOut.set(number(e.priceOut()));
        maxConcurrency.set(Integer.toString(e.maxConcurrency()));
        timeout.set(number(e.timeoutSeconds()));
        promptStyle.set(e.promptStyle() == PromptStyle.STATE ? "state" : "few_shot");
        ProbeReport r = ProbeStore.beside(file.file()).load().get(n);
        message.set(r == null ? "Not probed yet." : describe(r));
    }

    /** Clears the form for a new endpoint. */
    public void startNew() {
        editing = null;
        name.set("");
        baseUrl.set("http://127.0.0.1:8000/v1");
        model.set("");
        api.set("chat");
        keyEnv.set("");
        priceIn.set("0");
        priceOut.set("0");
        maxConcurrency.set(Integer.toString(Endpoint.DEFAULT_CONCURRENCY));
        timeout.set("60");
        promptStyle.set("few_shot");
        message.set("New endpoint: fill in the form, then Apply.");
    }

    /**
     * Checks the form and saves it (replacing the endpoint being edited, renamed or not).
     *
     * @return whether it was saved; if not, {@link #message()} names the field at fault
     */
    public boolean apply() {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", name.get().trim());
        o.put("base_url", baseUrl.get().trim());
        o.put("model", model.get().trim());
        o.put("api", api.get());
        if (!keyEnv.get().isBlank()) {
            o.put("api_key_env", keyEnv.get().trim());
        }
        try {
            putNumber(o, "price_in", priceIn.get());
            putNumber(o, "price_out", priceOut.get());
            putNumber(o, "max_concurrency", maxConcurrency.get());
            putNumber(o, "timeout_seconds", timeout.get());
            o.put("prompt_style", promptStyle.get());
            // top_p has no field in the form: the edited endpoint keeps its own
            Endpoint before = editing == null ? null : file.find(editing).orElse(null);
            if (before != null && before.topP() != null) {
                o.put("top_p", before.topP());
            }
            Endpoint e = EndpointsFile.parseOne(file.file(), o);
            if (!e.name().equals(editing) && file.find(e.name()).isPresent()) {
                message.set("Name: '" + e.name() + "' is already used by another endpoint.");
                return false;
            }
            EndpointsFile next = file.replacing(editing, e);
            next.save();
            file = next;
            editing = e.name();
            names.setAll(file.endpoints().stream().map(Endpoint::name).toList());
            message.set("Saved '" + e.name() + "' in " + file.file() + ".");
            return true;
        } catch (EndpointsFileException | IllegalArgumentException e) {
            message.set(e.getMessage().replace(file.file() + ": ", ""));
            return false;
        } catch (IOException e) {
            message.set("Cannot save " + file.file() + ": " + e.getMessage());
            return false;
        }
    }

    /** Removes the endpoint being edited. */
    public boolean remove() {
        if (editing == null) {
            return false;
        }
        EndpointsFile next = file.without(editing);
        try {
            next.save();
        } catch (IOException e) {
            message.set("Cannot save " + file.file() + ": " + e.getMessage());
            return false;
        }
        message.set("Removed '" + editing + "'.");
        file = next;
        editing = null;
        names.setAll(file.endpoints().stream().map(Endpoint::name).toList());
        return true;
    }

    /**
     * Probes the endpoint being edited, off the calling thread; {@code done} gets the one-line result
     * on the probing thread (the view hops to the JavaFX thread). The report is stored beside the file.
     */
    public void probe(Consumer<String> done) {
        Endpoint e = editing == null ? null : file.find(editing).orElse(null);
        if (e == null) {
            done.accept("Apply the endpoint first, then probe it.");
            return;
        }
        Thread t = new Thread(() -> {
            ProbeReport r = EndpointProbe.probe(e, environment);
            try {
                ProbeStore.beside(file.file()).save(r);
            } catch (IOException ex) {
                // the report is still shown
            }
            done.accept(describe(r));
        }, "probe-" + e.name());
        t.setDaemon(true);
        t.start();
    }

    /** Shows {@code text} as the message (for the view, on the JavaFX thread). */
    public void say(String text) {
        message.set(text);
    }

    static String describe(ProbeReport r) {
        if (r.error() != null && r.models() == null) {
            return "Probe failed: " + r.error();
        }
        String s = String.format(Locale.ROOT, "Probed %s: models %s; n %s; logprobs %s; seed %s; latency %s.",
                r.probedAt(), r.models() == null ? "unknown" : r.models().isEmpty() ? "none listed" : String.join(", ", r.models()),
                r.n().name().toLowerCase(Locale.ROOT),
                r.logprobs() == null ? "unknown" : r.logprobs() ? "given" : "not given",
                r.seed() == null ? "unknown" : r.seed() ? "repeats" : "does not repeat",
                Double.isNaN(r.latencyMillis()) ? "-" : String.format(Locale.ROOT, "%.0f ms", r.latencyMillis()));
        return r.error() == null ? s : s + " Error: " + r.error();
    }

    private static void putNumber(ObjectNode o, String field, String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return;
        }
        try {
            o.put(field, Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": expected a number, got '" + t + "'");
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
