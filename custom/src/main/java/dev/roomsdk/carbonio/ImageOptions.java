package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.model.ImageQualityEnum;
import dev.roomsdk.carbonio.model.ImageShapeEnum;
import dev.roomsdk.carbonio.model.ImageTypeEnum;
import java.util.Objects;
import java.util.Optional;

/**
 * What image a preview or thumbnail should be: its size ({@code area}, width first), and
 * optionally the quality, the output format, cropping (image previews only) and the shape
 * (thumbnails only). Unset options are left to the server's defaults. Immutable and
 * thread-safe.
 */
public final class ImageOptions {

    private final int width;
    private final int height;
    private final ImageQualityEnum quality;
    private final ImageTypeEnum format;
    private final Boolean crop;
    private final ImageShapeEnum shape;

    private ImageOptions(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.quality = b.quality;
        this.format = b.format;
        this.crop = b.crop;
        this.shape = b.shape;
    }

    /** Options for a {@code width} x {@code height} image (both 0 or more, as the API allows). */
    public static Builder builder(int width, int height) {
        return new Builder(width, height);
    }

    /** Just the size, everything else as the server defaults it. */
    public static ImageOptions of(int width, int height) {
        return builder(width, height).build();
    }

    /** A builder starting from these values. */
    public Builder newBuilder() {
        Builder b = new Builder(width, height);
        b.quality = quality;
        b.format = format;
        b.crop = crop;
        b.shape = shape;
        return b;
    }

    /** The {@code area} path segment: {@code {width}x{height}}. */
    public String area() {
        return width + "x" + height;
    }

    /** {@code quality}, when set. */
    public Optional<ImageQualityEnum> quality() {
        return Optional.ofNullable(quality);
    }

    /** {@code output_format}, when set. */
    public Optional<ImageTypeEnum> format() {
        return Optional.ofNullable(format);
    }

    /** {@code crop}, when set (image previews only). */
    public Optional<Boolean> crop() {
        return Optional.ofNullable(crop);
    }

    /** {@code shape}, when set (thumbnails only). */
    public Optional<ImageShapeEnum> shape() {
        return Optional.ofNullable(shape);
    }

    @Override
    public String toString() {
        return "ImageOptions{area=" + area() + ", quality=" + quality + ", format=" + format + ", crop=" + crop
                + ", shape=" + shape + "}";
    }

    /** Builder for {@link ImageOptions}; each setter checks its value at once. */
    public static final class Builder {
        private final int width;
        private final int height;
        private ImageQualityEnum quality;
        private ImageTypeEnum format;
        private Boolean crop;
        private ImageShapeEnum shape;

        private Builder(int width, int height) {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("area width and height must be 0 or more, got " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
        }

        /** {@code quality}: the higher, the slower the server makes the image. */
        public Builder quality(ImageQualityEnum quality) {
            this.quality = known("quality", quality);
            return this;
        }

        /** {@code output_format}: Jpeg, Png or Gif. */
        public Builder format(ImageTypeEnum format) {
            this.format = known("output_format", format);
            return this;
        }

        /** {@code crop} (image previews only): true crops from the borders, false scales and pads. */
        public Builder crop(boolean crop) {
            this.crop = crop;
            return this;
        }

        /** {@code shape} (thumbnails only): Rounded or Rectangular. */
        public Builder shape(ImageShapeEnum shape) {
            this.shape = known("shape", shape);
            return this;
        }

        /** The options set so far. */
        public ImageOptions build() {
            return new ImageOptions(this);
        }

        // the generated enums carry a catch-all for values a newer server sends; it is not a value to send
        private static <E extends Enum<E>> E known(String field, E value) {
            Objects.requireNonNull(value, field);
            if (value.name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
                throw new IllegalArgumentException(field + " must be one of the API's values, not " + value.name());
            }
            return value;
        }
    }
}
