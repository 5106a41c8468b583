package org.doudi.security;

import java.io.InputStream;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldif.LDIFReader;

/**
 * A county's directory in the test's own JVM (UnboundID's in-memory LDAP server) on a free port of the loopback
 * address, loaded from an LDIF on the test classpath. Like a real one it answers no anonymous search, so Doudi has to
 * bind as its service account; it counts the simple binds per DN, so a test can tell whether a password was tried.
 */
final class InProcessDirectory implements AutoCloseable {

    static final String BASE_DN = "dc=minzheng,dc=example";
    static final String READER_DN = "uid=doudi-reader,ou=system," + BASE_DN;
    static final String READER_PASSWORD = "reader-Secret-7";

    private final InMemoryDirectoryServer server;
    private final Map<String, Integer> binds = new ConcurrentHashMap<>();

    private InProcessDirectory(String ldif) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                null));
        config.setAuthenticationRequiredOperationTypes(EnumSet.of(OperationType.SEARCH, OperationType.COMPARE));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                binds.merge(request.getRequest().getBindDN().toLowerCase(), 1, Integer::sum);
            }
        });
        server = new InMemoryDirectoryServer(config);
        try (InputStream in = InProcessDirectory.class.getResourceAsStream(ldif)) {
            if (in == null) {
                throw new IllegalArgumentException("no LDIF " + ldif + " on the test classpath");
            }
            server.importFromLDIF(true, new LDIFReader(in));
        }
        server.startListening();
    }

    static InProcessDirectory start(String ldif) {
        try {
            return new InProcessDirectory(ldif);
        } catch (Exception e) {
            throw new IllegalStateException("the in-process directory did not start", e);
        }
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** The DN of a user under {@code ou=people}. */
    static String userDn(String uid) {
        return "uid=" + uid + ",ou=people," + BASE_DN;
    }

    /** How many simple binds the directory has received for this DN. */
    int binds(String dn) {
        return binds.getOrDefault(dn.toLowerCase(), 0);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
