package io.muxbench.scenario;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A scenario that cannot be used. The message is one line naming the file, the place in it
 * (JSON path and line) and the problem, ready to show a user as it is: control characters are
 * escaped, a long JSON path keeps its last segments, a long problem is cut.
 */
public final class ScenarioException extends Exception {

    /** The most characters of a problem a message shows: a message stays one readable line. */
    private static final int MAX_PROBLEM = 300;

    /** The most characters of a JSON path a message shows (field names come from the file and may be long). */
    private static final int MAX_PATH = 120;

    /** How many trailing segments of a long JSON path a message shows. */
    private static final int SHOWN_PATH_PARTS = 4;

    private final String source;
    private final String jsonPath;
    private final int line;
    private final String problem;

    public ScenarioException(String source, String jsonPath, int line, String problem) {
        super(format(source, jsonPath, line, problem));
        this.source = source;
        this.jsonPath = jsonPath;
        this.line = line;
        this.problem = problem;
    }

    /**
     * Creates the exception for a file that cannot be read, saying why as the operating system does
     * ("permission denied", "Is a directory").
     */
    public static ScenarioException unreadable(Path file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            return new ScenarioException(file.toString(), "", 0, "no such file");
        } else if (e instanceof MalformedInputException) {
            return new ScenarioException(file.toString(), "", 0, "not UTF-8 text");
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason();
        } else {
            why = e.getMessage() == null ? "input/output error" : e.getMessage();
        }
        return new ScenarioException(file.toString(), "", 0, "cannot read: " + why);
    }

    private static String format(String source, String jsonPath, int line, String problem) {
        StringBuilder sb = new StringBuilder(Messages.escape(source));
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (jsonPath != null && !jsonPath.isEmpty()) {
            String shown = Messages.escape(shortPath(jsonPath));
            sb.append(": at ").append(shown.length() > MAX_PATH ? "$..." + shown.substring(shown.length() - MAX_PATH) : shown);
        }
        String shown = Messages.escape(problem == null ? "" : problem);
        return sb.append(": ").append(shown.length() > MAX_PROBLEM ? shown.substring(0, MAX_PROBLEM) + "..." : shown).toString();
    }

    /** A path deeper than a few levels, with its middle left out: {@code $.root...children[0].children[0].size}. */
    static String shortPath(String jsonPath) {
        String[] parts = jsonPath.split("(?=[.\\[])");
        if (parts.length <= SHOWN_PATH_PARTS + 2) {
            return jsonPath;
        }
        StringBuilder sb = new StringBuilder(parts[0]).append(parts[1]).append("...");
        for (int i = parts.length - SHOWN_PATH_PARTS; i < parts.length; i++) {
            sb.append(parts[i].startsWith(".") && i == parts.length - SHOWN_PATH_PARTS ? parts[i].substring(1) : parts[i]);
        }
        return sb.toString();
    }

    /** The file, or the bundled scenario's name. */
    public String source() {
        return source;
    }

    /** Where in the document, as {@code $.root.children[3].size}; empty when it is the whole file. */
    public String jsonPath() {
        return jsonPath;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
