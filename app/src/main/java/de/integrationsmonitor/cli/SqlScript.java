package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A SQL notebook: statements separated by {@code ;} outside quotes and comments. A comment line
 * ({@code -- ...}) directly before a statement becomes its title.
 */
public final class SqlScript {
    private static final Set<String> READ_ONLY = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC");
    private static final List<String> WRITE_WORDS = List.of("INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "DROP",
            "ALTER", "TRUNCATE", "OPTIMIZE", "VACUUM", "RESTORE", "REPLACE");

    private SqlScript() {}

    /** One statement of a script, numbered from 1, with the comment above it as title. */
    public record Statement(int number, String sql, String title) {}

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String title = null;
        String lastComment = null;
        boolean inSingle = false;
        boolean inDouble = false;
        boolean inBacktick = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (!inSingle && !inDouble && !inBacktick && c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? script.length() : end;
                String comment = script.substring(i + 2, end).strip();
                if (current.toString().isBlank() && !comment.isEmpty()) {
                    lastComment = comment;
                }
                i = end;
                continue;
            }
            if (c == '\'' && !inDouble && !inBacktick) {
                inSingle = !inSingle;
            } else if (c == '"' && !inSingle && !inBacktick) {
                inDouble = !inDouble;
            } else if (c == '`' && !inSingle && !inDouble) {
                inBacktick = !inBacktick;
            }
            if (c == ';' && !inSingle && !inDouble && !inBacktick) {
                add(statements, current, lastComment);
                current.setLength(0);
                lastComment = null;
            } else {
                if (current.toString().isBlank() && !Character.isWhitespace(c)) {
                    title = lastComment;
                }
                current.append(c);
            }
            i++;
        }
        add(statements, current, lastComment == null ? title : lastComment);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder sql, String title) {
        String text = sql.toString().strip();
        if (!text.isEmpty()) {
            statements.add(new Statement(statements.size() + 1, text, title));
        }
    }

    /** Refuses a statement that could change the warehouse; only SELECT, WITH, SHOW and DESCRIBE pass. */
    public static void requireReadOnly(Statement statement) {
        String upper = statement.sql().toUpperCase(Locale.ROOT);
        String first = upper.split("[\\s(]+", 2)[0];
        boolean writes = WRITE_WORDS.stream().anyMatch(word -> upper.matches("(?s).*\\b" + word + "\\b.*"))
                && !first.equals("SHOW") && !first.startsWith("DESC");
        if (!READ_ONLY.contains(first) || (first.equals("WITH") && writes)) {
            throw new UserException(ErrorCategory.QUERY, "Anweisung " + statement.number() + " ist nicht lesend (" + first
                    + "). Erlaubt sind SELECT, WITH, SHOW und DESCRIBE; zum Schreiben --allow-write angeben.");
        }
    }
}
