/**
 * Tests that keep the user documentation true. A page marks each code block it promises works with an HTML comment
 * on the line before the block (invisible when the Markdown is rendered), and these tests build, run or check every
 * marked block as the page tells a reader to:
 *
 * <ul>
 *   <li>{@code <!-- check: file PATH -->}: a file the reader writes, at {@code PATH} (the first segment names the
 *       project or example it belongs to, for example {@code iris-annotated/pom.xml});
 *   <li>{@code <!-- check: run PROJECT -->}: the command that builds and runs {@code PROJECT};
 *   <li>{@code <!-- check: netc -->}: one {@code bin/netc} command;
 *   <li>{@code <!-- check: output -->}: what the closest command above it prints (see {@link ExpectedOutput}).
 * </ul>
 *
 * <p>The quickstart's projects are built as their poms say (the processor on the processor path, or javac run for a
 * spec folder) by child {@code javac} and {@code java} processes, and the command line runs in a child JVM, so each
 * step runs as the reader would run it, with the class path of these tests standing in for Maven's resolution.
 */
package dev.netc.docs;
