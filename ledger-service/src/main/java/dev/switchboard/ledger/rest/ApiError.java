package dev.switchboard.ledger.rest;

/** The body of a 4xx answer: a stable code, the parameter at fault, and a message for people. */
public record ApiError(String error, String parameter, String message) {
}
