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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Login locks for operators ({@code camunda-admin}): {@code GET /api/login-locks} lists the current ones,
 * {@code DELETE /api/login-locks/{userId}} and {@code DELETE /api/login-locks/addresses/{address}} lift one
 * (204; 404 for an unknown user, or an address without recorded failures).
 */
@RestController
@RequestMapping("/api/login-locks")
@Tag(name = "账号与登录 Accounts and logins")
class LoginLockController {

    private final LoginLocks locks;

    LoginLockController(LoginLocks locks) {
        this.locks = locks;
    }

    @Operation(summary = "登录锁定 / Login locks", description = """
            系统管理员查看当前的登录锁定（按用户或客户端地址）。

            Operators (`camunda-admin`) see the current login locks, by user or by client address.""")
    @GetMapping
    List<LoginLock> current() {
        return locks.current();
    }

    @Operation(summary = "解除用户锁定 / Lift a user's lock", description = """
            系统管理员解除一个用户的登录锁定。

            Operators lift a user's login lock.""")
    @ApiResponse(responseCode = "204", description = "已解除 / Lifted")
    @ApiResponse(responseCode = "404", description = "没有该用户 / Unknown user")
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> unlockUser(@Parameter(description = "用户名 / User id") @PathVariable String userId) {
        locks.unlockUser(userId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "解除地址锁定 / Lift an address's lock", description = """
            系统管理员解除一个客户端地址的登录锁定。

            Operators lift a client address's login lock.""")
    @ApiResponse(responseCode = "204", description = "已解除 / Lifted")
    @ApiResponse(responseCode = "404", description = "该地址没有登录失败记录 / No failures recorded for the address")
    @DeleteMapping("/addresses/{address}")
    ResponseEntity<Void> unlockAddress(
            @Parameter(description = "客户端地址 / Client address") @PathVariable String address) {

        locks.unlockAddress(address);
        return ResponseEntity.noContent().build();
    }
}
