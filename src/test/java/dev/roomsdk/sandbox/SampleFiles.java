package dev.roomsdk.sandbox;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small real files the sandbox serves (pictures, previews, seeded attachments) and the walkthrough uploads. */
public final class SampleFiles {

    /** The largest picture side the sandbox draws, whatever size is asked for. */
    static final int MAX_SIDE = 1024;

    private SampleFiles() {
    }

    /** A PNG of {@code width} x {@code height} (each 1 to 1024) with a gradient and noise, so it does not compress away. */
    public static byte[] png(int width, int height, long seed) {
        return image("png", width, height, seed);
    }

    /** An image in {@code format} ({@code png}, {@code jpeg} or {@code gif}), sides clamped to 1..1024. */
    static byte[] image(String format, int width, int height, long seed) {
        int w = Math.max(1, Math.min(MAX_SIDE, width));
        int h = Math.max(1, Math.min(MAX_SIDE, height));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        // pixels set one by one: no Graphics2D, so no AWT toolkit starts (no dock icon, no display needed)
        int base = random.nextInt(0xFFFFFF);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int noise = random.nextInt(64);
                int r = ((base >> 16) & 0xFF) * x / w + noise;
                int gr = ((base >> 8) & 0xFF) * y / h + noise;
                int b = (base & 0xFF) + noise;
                img.setRGB(x, y, (Math.min(r, 255) << 16) | (Math.min(gr, 255) << 8) | Math.min(b, 255));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format.toLowerCase(Locale.ROOT), out)) {
                throw new IllegalArgumentException("no image writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF saying {@code text}. */
    static byte[] pdf(String text) {
        String safe = text.replaceAll("[()\\\\]", "");
        String stream = "BT /F1 18 Tf 72 720 Td (" + safe + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code size} deterministic bytes from {@code seed}: the content of a seeded attachment. */
    static byte[] bytes(long seed, int size) {
        byte[] out = new byte[size];
        new Random(seed).nextBytes(out);
        return out;
    }
}
