package org.doudi.security.web;

import java.util.List;

import org.doudi.security.LoginLocks;
import org.doudi.security.LoginLocks.LoginLock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login locks for operators ({@code camunda-admin}): {@code GET /api/login-locks} lists the current ones,
 * {@code DELETE /api/login-locks/{userId}} and {@code DELETE /api/login-locks/addresses/{address}} lift one
 * (204; 404 for an unknown user, or an address without recorded failures).
 */
@RestController
@RequestMapping("/api/login-locks")
class LoginLockController {

    private final LoginLocks locks;

    LoginLockController(LoginLocks locks) {
        this.locks = locks;
    }

    @GetMapping
    List<LoginLock> current() {
        return locks.current();
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> unlockUser(@PathVariable String userId) {
        locks.unlockUser(userId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/addresses/{address}")
    ResponseEntity<Void> unlockAddress(@PathVariable String address) {
        locks.unlockAddress(address);
        return ResponseEntity.noContent().build();
    }
}
