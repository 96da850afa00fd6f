package org.twinflow.system;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The limits of the current call for proposals ({@code twinflow.call.*}), inputs of the eligibility decision. */
@Validated
@ConfigurationProperties("twinflow.call")
public record CallProperties(
        @Min(1) int minDurationMonths,
        @Min(1) int maxDurationMonths,
        @NotNull @DecimalMin("0") BigDecimal maxRequestedAmount,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal maxFundingShare,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
}
