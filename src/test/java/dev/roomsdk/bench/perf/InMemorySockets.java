package dev.roomsdk.bench.perf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import javax.net.SocketFactory;

/**
 * Sockets that never reach the kernel: what the client writes is discarded and what it reads
 * is one canned HTTP response repeated forever, so a keep-alive connection answers every
 * request with it. Given to each contender's OkHttp client as its {@link SocketFactory}, it
 * takes the network out of a call while leaving everything else (request building, every
 * interceptor, OkHttp's HTTP/1.1 codec, connection pooling, response decoding) in. Only for
 * requests that expect exactly this response, sent one at a time per connection.
 */
public final class InMemorySockets extends SocketFactory {

    private final byte[] response;

    /** {@code response}: a complete HTTP/1.1 response with a Content-Length. */
    public InMemorySockets(byte[] response) {
        this.response = response.clone();
    }

    @Override
    public Socket createSocket() throws SocketException {
        return new ReplaySocket(response);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(SocketAddress to) throws IOException {
        Socket s = createSocket();
        s.connect(to);
        return s;
    }

    private static final class ReplaySocket extends Socket {
        private final byte[] response;
        private volatile boolean connected;
        private volatile boolean closed;
        private volatile int soTimeout;
        private InetSocketAddress remote;
        private final InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new SocketException("socket closed");
                }
                if (len == 0) {
                    return 0;
                }
                int n = Math.min(len, response.length - pos);
                System.arraycopy(response, pos, b, off, n);
                pos = (pos + n) % response.length;
                return n;
            }

            @Override
            public int available() {
                return response.length - pos;
            }
        };
        private final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (closed) {
                    throw new SocketException("socket closed");
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new SocketException("socket closed");
                }
            }
        };

        ReplaySocket(byte[] response) throws SocketException {
            super((SocketImpl) null);
            this.response = response;
        }

        @Override
        public void connect(SocketAddress endpoint) {
            connect(endpoint, 0);
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) {
            remote = (InetSocketAddress) endpoint;
            connected = true;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public boolean isBound() {
            return connected;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isInputShutdown() {
            return closed;
        }

        @Override
        public boolean isOutputShutdown() {
            return closed;
        }

        @Override
        public void shutdownInput() {
            closed = true;
        }

        @Override
        public void shutdownOutput() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void setSoTimeout(int timeout) {
            soTimeout = timeout;
        }

        @Override
        public int getSoTimeout() {
            return soTimeout;
        }

        @Override
        public void setTcpNoDelay(boolean on) {
            // nothing to configure
        }

        @Override
        public boolean getTcpNoDelay() {
            return true;
        }

        @Override
        public void setKeepAlive(boolean on) {
            // nothing to configure
        }

        @Override
        public InetAddress getInetAddress() {
            return remote == null ? null : remote.getAddress();
        }

        @Override
        public int getPort() {
            return remote == null ? 0 : remote.getPort();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return remote;
        }

        @Override
        public InetAddress getLocalAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public int getLocalPort() {
            return 1;
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        }

        @Override
        public String toString() {
            return "ReplaySocket[" + remote + "]";
        }
    }
}
