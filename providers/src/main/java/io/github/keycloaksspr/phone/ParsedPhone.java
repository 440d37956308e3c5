package io.github.keycloaksspr.phone;

import java.util.Objects;
import java.util.Optional;

/** What {@link PhoneNumbers#parse(String, String)} made of a typed number: the number, or why there is none. */
public record ParsedPhone(Optional<PhoneNumber> number, Optional<PhoneProblem> problem) {

    public ParsedPhone {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(problem, "problem");
        if (number.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("Exactly one of number and problem");
        }
    }

    static ParsedPhone of(PhoneNumber number) {
        return new ParsedPhone(Optional.of(number), Optional.empty());
    }

    static ParsedPhone refused(PhoneProblem problem) {
        return new ParsedPhone(Optional.empty(), Optional.of(problem));
    }

    public boolean valid() {
        return number.isPresent();
    }
}
