package org.doudi.web;

import java.io.IOException;
import java.math.BigDecimal;

import org.doudi.shared.Amounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How the {@code /api} reads JSON, beyond Spring Boot's defaults: every {@link BigDecimal} of a request
 * is an amount, so a string must be written in ASCII digits (Jackson would take "１００" or "1e3" in a
 * string as it takes a JSON number). Spring Boot adds the module to its ObjectMapper, which serves our
 * controllers; Camunda's {@code /engine-rest} reads with an ObjectMapper of its own and is unchanged.
 * (Duplicate keys are refused by {@code spring.jackson.parser.strict-duplicate-detection}.)
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    Module amountsModule() {
        return new SimpleModule("doudi-amounts").addDeserializer(BigDecimal.class, new AmountDeserializer());
    }

    /** JSON numbers as they are (if of a size an amount can have); strings in ASCII digits only. */
    static final class AmountDeserializer extends StdScalarDeserializer<BigDecimal> {

        AmountDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            switch (p.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    BigDecimal number = p.getDecimalValue();
                    if (!Amounts.plausible(number)) {
                        throw InvalidFormatException.from(p, "not a plausible amount", p.getText(), BigDecimal.class);
                    }
                    return number;
                }
                case VALUE_STRING -> {
                    String text = p.getText();
                    if (text.isBlank()) {
                        return null;
                    }
                    return Amounts.parse(text).orElseThrow(() -> InvalidFormatException.from(p,
                            "not an amount in ASCII digits", text, BigDecimal.class));
                }
                default -> {
                    return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
                }
            }
        }
    }
}
