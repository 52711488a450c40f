package org.fedwan.compression;

/** Thrown when a received message cannot be decoded into the expected values. */
public final class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
