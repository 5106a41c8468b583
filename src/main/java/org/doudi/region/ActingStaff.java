package org.doudi.region;

/**
 * Who is acting right now and what he may see, as the regions' own API needs to know it. Implemented by
 * {@code security.Actors}: security reads the logged-in user and builds his {@link StaffScope} from this
 * module, so this module asks through an interface of its own instead of depending back on security.
 */
public interface ActingStaff {

    /** The acting user's id; {@code system} for steps nobody performed by hand. */
    String currentUserId();

    /** The acting user's scope; the system (no user) acts everywhere. */
    StaffScope currentScope();
}
