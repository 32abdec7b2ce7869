package dev.netc.benchmarks.report;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytecode length of each method of a class file, read from the {@code Code} attribute as the JVM specification
 * (chapter 4) lays it out: the constant pool is walked only to resolve names. HotSpot refuses to JIT-compile a method
 * whose code is longer than {@link #HUGE_METHOD_LIMIT} bytes, so this is the number the code generator must keep small.
 * Written here rather than taken from a class-file library so that the benchmarks need no bytecode dependency.
 */
final class ClassFileMethods {

    /** HotSpot's {@code HugeMethodLimit}: longer methods stay interpreted ({@code DontCompileHugeMethods}). */
    static final int HUGE_METHOD_LIMIT = 8000;

    private static final int MAGIC = 0xCAFEBABE;

    /** One method: its name, its descriptor, and its code length in bytes (0 for abstract and native methods). */
    record Method(String name, String descriptor, int codeBytes) {}

    /** A class: its binary name ({@code a/b/C}), the interfaces it names, and its methods in class-file order. */
    record ClassInfo(String name, List<String> interfaces, List<Method> methods) {}

    private ClassFileMethods() {}

    /**
     * @throws IOException if {@code bytes} is not a class file
     */
    static ClassInfo read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file: expected magic 0xCAFEBABE");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        String[] utf8 = new String[in.readUnsignedShort()];
        int[] classNames = new int[utf8.length];
        for (int i = 1; i < utf8.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        String name = utf8[classNames[in.readUnsignedShort()]];
        in.readUnsignedShort(); // super class
        List<String> interfaces = new ArrayList<>();
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            interfaces.add(utf8[classNames[in.readUnsignedShort()]]);
        }
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            in.skipBytes(6); // access, name, descriptor
            skipAttributes(in);
        }
        List<Method> methods = new ArrayList<>();
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            in.readUnsignedShort(); // access flags
            String methodName = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int codeBytes = 0;
            for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.skipBytes(4); // max stack, max locals
                    codeBytes = in.readInt();
                    in.skipBytes(length - 8);
                } else {
                    in.skipBytes(length);
                }
            }
            methods.add(new Method(methodName, descriptor, codeBytes));
        }
        return new ClassInfo(name, List.copyOf(interfaces), List.copyOf(methods));
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
