package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Imports the reasoning trees other tools write: Tree-of-Thoughts logs, LLM Reasoners tree logs,
 * x1's saved MCTS tree and Graph of Thoughts' output. The format is guessed from the file's shape
 * when not given.
 *
 * <pre>{@code
 * ImportResult r = TreeImport.read(Path.of("gpt-4_0.7_propose1_value3_greedy5_start900_end1000.json"), null);
 * r.trees().get(0).events(); // a trace the graph view and the replayer read like any run
 * }</pre>
 */
public final class TreeImport {
    /** Python's json module writes NaN and Infinity for such floats. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private TreeImport() {
    }

    /**
     * Reads {@code file} in {@code format}, or in the format its shape fits when {@code format} is null.
     *
     * @throws ImportFormatException when the file is missing, not JSON, fits no format (or not the one
     *     given), or breaks its format; the message names the file, what was expected and what was found
     */
    public static ImportResult read(Path file, TreeFormat format) throws ImportFormatException {
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ImportFormatException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ImportFormatException(file + " is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ImportFormatException(file + ": cannot read: " + e.getMessage());
        }
        if (doc == null || doc.isMissingNode()) {
            throw new ImportFormatException(file + " is empty; expected one of: " + expectations());
        }
        TreeImporter importer;
        if (format != null) {
            importer = format.importer();
            if (!importer.fits(doc)) {
                throw new ImportFormatException(file + " is not a " + format.title() + ": expected "
                        + importer.expected() + "; found " + Json.describe(doc));
            }
        } else {
            importer = Arrays.stream(TreeFormat.values()).map(TreeFormat::importer).filter(i -> i.fits(doc))
                    .findFirst().orElseThrow(() -> new ImportFormatException(file + " fits none of the formats."
                            + " Expected one of: " + expectations() + ". Found " + Json.describe(doc)));
        }
        List<ImportedTree> trees = importer.read(doc, file);
        return new ImportResult(importer.format(), trees, totals(importer.format(), trees));
    }

    private static String expectations() {
        return Arrays.stream(TreeFormat.values()).map(f -> f.importer().expected()).collect(Collectors.joining("; "));
    }

    /**
     * The file's totals: the per-tree amounts summed (ToT's running totals were already
     * differenced per puzzle, so the sum is the last running total).
     */
    private static ImportResult.Usage totals(TreeFormat f, List<ImportedTree> trees) {
        Long prompt = null;
        Long completion = null;
        Double cost = null;
        for (ImportedTree t : trees) {
            if (t.promptTokens() != null) {
                prompt = (prompt == null ? 0L : prompt) + t.promptTokens();
            }
            if (t.completionTokens() != null) {
                completion = (completion == null ? 0L : completion) + t.completionTokens();
            }
            if (t.cost() != null) {
                cost = (cost == null ? 0.0 : cost) + t.cost();
            }
        }
        // summed differences of a running total: round off the float noise so the total reads as the file's
        return new ImportResult.Usage(prompt, completion, cost == null ? null : Math.round(cost * 1e10) / 1e10);
    }
}
