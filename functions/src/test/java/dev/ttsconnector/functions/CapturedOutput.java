package dev.ttsconnector.functions;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tees {@code System.out} and {@code System.err} into a buffer from the moment {@link #install()} is first called,
 * so a test can scan every log line written afterwards. Install it in a test class's static initializer, before
 * the classes whose loggers it must see are loaded (loggers bind the stream when they are created).
 */
public final class CapturedOutput {

    private static final ByteArrayOutputStream BUFFER = new ByteArrayOutputStream();
    private static boolean installed;

    private CapturedOutput() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
        installed = true;
    }

    /** Everything written to stdout and stderr since {@link #install()}. */
    public static String text() {
        synchronized (BUFFER) {
            return BUFFER.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (BUFFER) {
                    BUFFER.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (BUFFER) {
                    BUFFER.write(b, off, len);
                }
                original.write(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
