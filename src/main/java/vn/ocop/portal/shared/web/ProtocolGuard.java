package vn.ocop.portal.shared.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first guard behind Netty's HTTP/1 decoder: a request the decoder could not read (control bytes in a header,
 * a header line without a colon, a space before a colon, bare line feeds, an HTTP/0.9 request line, a negative or
 * doubled Content-Length, an over-long line or head) or of an HTTP version this server does not speak is answered
 * here with a short 400 and the connection closed; Micronaut never sees it, so no route, filter or template can fail
 * on it, and it is logged at DEBUG only (it is the client's mistake, not the portal's).
 *
 * <p>It spells out {@code Accept} ranges such as {@code image/*} as the types this portal serves
 * ({@link AcceptRanges}): Micronaut's routing only understands the full wildcard and would answer 406.
 *
 * <p>It also holds the header-read timeout: a connection must deliver a request's whole head within {@code
 * ocop.http.header-read-timeout} of opening or of its previous answer, so a client dripping one byte every few
 * seconds cannot hold a connection (the idle timeout alone would never fire).
 */
@Context
final class ProtocolGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolGuard.class);
    static final String HANDLER = "ocop-protocol-guard";

    /**
     * The largest form of fields the portal takes ({@code application/x-www-form-urlencoded}): its longest field is a
     * few thousand characters. Files come as multipart (a photo: at most 5 MB, {@code micronaut.server.multipart}),
     * whose size limit Micronaut also applies to form fields, so forms get their own here.
     */
    static final long FORM_MAX_BYTES = 1024 * 1024;

    private final byte[] badRequest;
    private final byte[] tooLarge;
    private final long headerTimeoutMillis;

    ProtocolGuard(NettyServerCustomizer.Registry registry, MessageSource messages, EdgeSettings settings) {
        this.badRequest = body(messages, "error.400.title");
        this.tooLarge = body(messages, "error.413.title");
        this.headerTimeoutMillis = settings.headerReadTimeout().toMillis();
        registry.register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new Connection(channel) : this;
            }
        });
    }

    /** "Yêu cầu không hợp lệ — Bad request": both languages, since the request could not be read far enough. */
    private static byte[] body(MessageSource messages, String key) {
        String vi = messages.getMessage(key, Locale.forLanguageTag("vi")).orElse(key);
        String en = messages.getMessage(key, Locale.ENGLISH).orElse(key);
        return (vi + " \u2014 " + en + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private final class Connection implements NettyServerCustomizer {

        private final Channel channel;

        Connection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Guard());
            }
        }
    }

    /** One connection's guard. */
    private final class Guard extends ChannelDuplexHandler {

        private boolean refused;
        private ScheduledFuture<?> headerDeadline;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            awaitHead(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancelDeadline();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            cancelDeadline();
            super.channelInactive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                cancelDeadline();
                DecoderResult result = request.decoderResult();
                if (result.isFailure()) {
                    refuse(ctx, msg, result.cause());
                    return;
                }
                HttpVersion version = request.protocolVersion();
                if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
                    refuse(ctx, msg, new IllegalArgumentException("unsupported version " + version.text()));
                    return;
                }
                if (HttpUtil.getContentLength(request, -1L) > FORM_MAX_BYTES && isForm(request)) {
                    refuse(ctx, msg, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "a form over 1 MB");
                    return;
                }
                String accept = request.headers().get(HttpHeaderNames.ACCEPT);
                if (accept != null && accept.contains("/*")) {
                    request.headers().set(HttpHeaderNames.ACCEPT, AcceptRanges.expand(accept));
                }
            } else if (msg instanceof HttpObject object
                    && object.decoderResult().isFailure()) {
                refuse(ctx, msg, object.decoderResult().cause());
                return;
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof LastHttpContent && !refused) {
                // The answer is out: the client's next request head must arrive in time.
                promise = promise.unvoid();
                promise.addListener(written -> awaitHead(ctx));
            }
            super.write(ctx, msg, promise);
        }

        private static boolean isForm(HttpRequest request) {
            String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            String form = HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString();
            return type != null && type.regionMatches(true, 0, form, 0, form.length());
        }

        private void refuse(ChannelHandlerContext ctx, Object msg, Throwable cause) {
            boolean large = cause instanceof TooLongHttpLineException || cause instanceof TooLongHttpHeaderException;
            HttpResponseStatus status = cause instanceof TooLongHttpLineException
                    ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : large ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
            refuse(ctx, msg, status, String.valueOf(cause));
        }

        private void refuse(ChannelHandlerContext ctx, Object msg, HttpResponseStatus status, String why) {
            refused = true;
            ReferenceCountUtil.release(msg);
            LOG.debug("Refused a malformed request from {}: {}", ctx.channel().remoteAddress(), why);
            boolean large = status.code() == 413 || status.code() == 414 || status.code() == 431;
            ByteBuf body = Unpooled.wrappedBuffer(large ? tooLarge : badRequest);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            SecurityHeaders.BASE.forEach((name, value) -> response.headers().set(name, value));
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private void awaitHead(ChannelHandlerContext ctx) {
            if (headerTimeoutMillis <= 0
                    || !ctx.channel().isActive() && !ctx.channel().isRegistered()) {
                return;
            }
            cancelDeadline();
            headerDeadline = ctx.executor()
                    .schedule(
                            () -> {
                                LOG.debug(
                                        "Closed {}: no request head within {}",
                                        ctx.channel().remoteAddress(),
                                        Duration.ofMillis(headerTimeoutMillis));
                                ctx.close();
                            },
                            headerTimeoutMillis,
                            TimeUnit.MILLISECONDS);
        }

        private void cancelDeadline() {
            if (headerDeadline != null) {
                headerDeadline.cancel(false);
                headerDeadline = null;
            }
        }
    }
}
