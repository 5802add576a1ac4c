package io.muxbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Reads and writes the results of a run folder. Writes are atomic (a temporary file moved into
 * place), so a reader never sees half a file; reads check the schema version and required fields.
 *
 * <pre>{@code
 * RunFolder run = ResultsFormat.readRun(Path.of("results/runs/20261130-212836"));
 * for (CellResult cell : run.results().cells()) { ... }
 * }</pre>
 */
public final class ResultsFormat {

    /**
     * The version of run.json and results.json this code writes. Version 2 added run.json's {@code modes}
     * (each mode's id, label, colour and whether it is the baseline); version 1 folders are still read,
     * their modes described by {@link io.muxbench.vocabulary.ModeDescription#known}. results.json is the
     * same in both.
     */
    public static final int SCHEMA_VERSION = 2;
    /** The oldest schema version this muxbench reads. */
    public static final int OLDEST_SCHEMA_VERSION = 1;
    public static final String RUN_FILE = "run.json";
    public static final String RESULTS_FILE = "results.json";
    public static final String REPORT_FILE = "index.html";
    /** JMH's JSON output, when the run folder has one. */
    public static final String JMH_FILE = "jmh.json";

    /** Locale-independent, ordered, indented JSON. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // errors by cause in one order, so two writes of one result are the same bytes
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsFormat() {
    }

    /** A run folder as read back: run.json and results.json. */
    public record RunFolder(Path dir, RunInfo run, Results results) {
    }

    public static void writeRun(Path dir, RunInfo run) throws IOException {
        writeJson(dir.resolve(RUN_FILE), run);
    }

    public static void writeResults(Path dir, Results results) throws IOException {
        writeJson(dir.resolve(RESULTS_FILE), results);
    }

    /** Writes any value as JSON, atomically. */
    public static void writeJson(Path file, Object value) throws IOException {
        writeAtomically(file, MAPPER.writeValueAsBytes(value));
    }

    /** Writes bytes to a temporary file beside {@code file}, then moves it into place. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are private; results are for sharing (CI artifacts served by another user). */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }

    /**
     * Reads a run folder, or the folder of a given results.json: results.json, and run.json when
     * there is one (a run killed early may have none).
     *
     * @throws ResultsFormatException one line saying what is wrong and where
     */
    public static RunFolder readRun(Path dirOrResultsFile) throws ResultsFormatException {
        RunFolder folder = readResults(dirOrResultsFile);
        Path runFile = folder.dir().resolve(RUN_FILE);
        RunInfo run = Files.exists(runFile) ? read(runFile, RunInfo.class) : null;
        return new RunFolder(folder.dir(), run, folder.results());
    }

    /** Reads a run folder's results.json only; the folder's run is null. */
    public static RunFolder readResults(Path dirOrResultsFile) throws ResultsFormatException {
        if (!Files.exists(dirOrResultsFile)) {
            throw new ResultsFormatException(dirOrResultsFile + ": no such file or folder");
        }
        boolean isDir = Files.isDirectory(dirOrResultsFile);
        Path dir = isDir ? dirOrResultsFile : dirOrResultsFile.toAbsolutePath().getParent();
        Results results = read(isDir ? dir.resolve(RESULTS_FILE) : dirOrResultsFile, Results.class);
        return new RunFolder(dir, null, results);
    }

    /** Reads one JSON file of the format, checking its schema version first. */
    public static <T> T read(Path file, Class<T> type) throws ResultsFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file + ": line " + lineOf(e) + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": cannot read: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new ResultsFormatException(file + ": not a muxbench results file (expected a JSON object)");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new ResultsFormatException(file + ": no schemaVersion: not a muxbench results file");
        }
        if (version.asInt() < OLDEST_SCHEMA_VERSION || version.asInt() > SCHEMA_VERSION) {
            throw new ResultsFormatException(file + ": schema version " + version.asInt()
                    + " but this muxbench reads versions " + OLDEST_SCHEMA_VERSION + " to " + SCHEMA_VERSION);
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            if (isNullForRequired(e) && e.getPath().size() == 1) {
                throw new ResultsFormatException(file + ": not a muxbench " + (type == RunInfo.class ? "run" : "results")
                        + " file: field " + e.getPath().get(0).getFieldName() + " is missing");
            }
            throw new ResultsFormatException(file + ": at " + path(e.getPath()) + ": "
                    + (isNullForRequired(e) ? "required field is missing or null" : problem(e)));
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(file + ": " + e.getMessage());
        }
    }

    /** Jackson's "Cannot map `null` into type `boolean` (set DeserializationConfig…)": a required field is absent. */
    private static boolean isNullForRequired(JsonMappingException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Cannot map `null` into type");
    }

    private static String problem(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root instanceof JsonMappingException m ? m.getOriginalMessage() : root.getMessage();
        if (root instanceof NullPointerException && message != null) {
            return "required field \"" + message + "\" is missing";
        }
        if (message != null && message.contains("Null value for creator property")) {
            return "a required field is missing";
        }
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
