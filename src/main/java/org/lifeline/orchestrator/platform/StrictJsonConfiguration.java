package org.lifeline.orchestrator.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON the platform reads is taken as its contract says, never "fixed": a number, boolean, array or object where a
 * string is expected, a string where a number, boolean or enum is expected, a number for an enum or a point in time,
 * null for a primitive and a key given twice in one object are refused, and so is a control character other than a
 * line break or tab in any string. Each is a 400 that names the field ({@link ApiExceptionHandler}). One place for every JSON body, so a
 * new endpoint is strict without doing anything; {@code spring.jackson.*} in application.yaml adds trailing tokens and
 * fractions for whole numbers.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .featuresToEnable(
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .deserializerByType(String.class, new PlainTextDeserializer())
            .deserializerByType(Instant.class, new InstantAsText())
            .postConfigurer(
                mapper ->
                    mapper
                        .coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /** A string as Jackson reads it under the coercion rules above, refused when it holds control characters. */
  static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && !PlainText.isPlain(text)) {
        // The value itself is left out of the message: it is what a person wrote.
        throw new ControlCharacters(parser);
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /** A point in time is an ISO-8601 string (2026-11-23T10:00:00Z); a number is not taken as seconds since 1970. */
  static final class InstantAsText extends StdScalarDeserializer<Instant> {

    InstantAsText() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
  }

  /** A string with control characters; the message is what the caller is told about the field. */
  static final class ControlCharacters extends MismatchedInputException {

    ControlCharacters(JsonParser parser) {
      super(parser, PlainText.MESSAGE, String.class);
    }
  }
}
