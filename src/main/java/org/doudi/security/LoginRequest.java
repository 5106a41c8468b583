package org.doudi.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP request a password check runs in: its client address, and the login events that wait for the
 * request's end. Set by {@link ClientAddressFilter} for every request, on the request's thread; absent when
 * the engine's Java API is called outside a request (then only the per-user limit applies).
 */
final class LoginRequest {

    private static final ThreadLocal<LoginRequest> CURRENT = new ThreadLocal<>();

    private final String clientAddress;
    private final List<Object> events = new ArrayList<>();

    private LoginRequest(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    static LoginRequest begin(String clientAddress) {
        LoginRequest request = new LoginRequest(clientAddress);
        CURRENT.set(request);
        return request;
    }

    /** Ends the request on this thread; returns the events it collected, in order. */
    List<Object> end() {
        CURRENT.remove();
        return List.copyOf(events);
    }

    /** The client address of the current request, or {@code null} outside one. */
    static String clientAddress() {
        LoginRequest current = CURRENT.get();
        return current == null ? null : current.clientAddress;
    }

    /** Keeps the event for the end of the current request; {@code false} when there is none. */
    static boolean defer(Object event) {
        LoginRequest current = CURRENT.get();
        if (current == null) {
            return false;
        }
        current.events.add(event);
        return true;
    }
}
