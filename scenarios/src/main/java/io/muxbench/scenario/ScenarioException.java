package io.muxbench.scenario;

/**
 * A scenario that cannot be used. The message is one line naming the file, the place in it
 * (JSON path and line) and the problem, ready to show a user as it is.
 */
public final class ScenarioException extends Exception {

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

    private static String format(String source, String jsonPath, int line, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (jsonPath != null && !jsonPath.isEmpty()) {
            sb.append(": at ").append(jsonPath);
        }
        return sb.append(": ").append(problem).toString();
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
