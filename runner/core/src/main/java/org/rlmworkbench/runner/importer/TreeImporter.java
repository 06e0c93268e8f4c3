package org.rlmworkbench.runner.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** Reads one outside format into the workbench's own traces: one {@link ImportedTree} per tree in the file. */
sealed interface TreeImporter permits TotImporter, LlmReasonersImporter, X1Importer, GotImporter {

    TreeFormat format();

    /** Whether the document has this format's shape; a cheap look at the top levels, used to guess. */
    boolean fits(JsonNode document);

    /** What a file of this format holds, in one sentence, for messages. */
    String expected();

    /**
     * The trees of the document.
     *
     * @throws ImportFormatException naming the tree, field and what was found where the document breaks the format
     */
    List<ImportedTree> read(JsonNode document, Path source) throws ImportFormatException;
}
