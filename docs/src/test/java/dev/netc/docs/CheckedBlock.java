package dev.netc.docs;

/**
 * One fenced code block of a page, with the marker that precedes it: {@code <!-- check: KIND NAME -->}.
 *
 * @param page the page's path from the repository root, for messages
 * @param line the 1-based line of the marker
 * @param kind {@code file}, {@code run}, {@code netc} or {@code output}
 * @param name the file's path or the project's name; empty for {@code netc} and {@code output}
 * @param language the fence's info string ({@code java}, {@code yaml}, {@code sh}...), possibly empty
 * @param text the block's lines, each ending in a line feed
 */
record CheckedBlock(String page, int line, String kind, String name, String language, String text) {

    /** Where the block is, as {@code docs/quickstart.md:42}. */
    String where() {
        return page + ":" + line;
    }
}
