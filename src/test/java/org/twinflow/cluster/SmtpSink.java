package org.twinflow.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * An SMTP server for the application under test, in another process or in this JVM: it accepts every mail, keeps its
 * recipients and subject, and may take its time before it greets, as a slow mail server does, so that a test can kill a
 * node, or cut its database, while its mail jobs are running. Just enough SMTP for Jakarta Mail (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
 */
public final class SmtpSink implements AutoCloseable {

    private static final Pattern SUBJECT = Pattern.compile("(?im)^Subject: (.*)$");

    /** A mail as the sink received it: its recipients and its subject, decoded. */
    public record Mail(List<String> recipients, String subject) {
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final List<Mail> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger handedOver = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private volatile Duration delayBeforeGreeting;

    public SmtpSink(Duration delayBeforeGreeting) throws IOException {
        this.delayBeforeGreeting = delayBeforeGreeting;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Mail> received() {
        return List.copyOf(received);
    }

    /** Conversations begun: senders that connected, whether the sink has greeted them yet or not. */
    public int connections() {
        return connected.get();
    }

    /** Mails sent to the end (the final dot), whether the sink has answered them yet or not. */
    public int mailsHandedOver() {
        return handedOver.get();
    }

    public void delayBeforeGreeting(Duration delay) {
        this.delayBeforeGreeting = delay;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connected.incrementAndGet();
                connections.submit(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            // a slow server is slow to greet (its checks of the sender); once it has a mail it answers at once
            Thread.sleep(delayBeforeGreeting.toMillis());
            answer(out, "220 sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> answer(out, "250 sink");
                    case "MAIL" -> {
                        recipients.clear();
                        answer(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                        answer(out, "250 OK");
                    }
                    case "DATA" -> {
                        answer(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder message = new StringBuilder();
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            message.append(data).append('\n');
                        }
                        if (data == null) {
                            return; // the sender went away before the end of the mail: nothing to deliver
                        }
                        // A real server has the mail from here on and delivers it, whether or not the sender hears the 250.
                        handedOver.incrementAndGet();
                        Matcher subject = SUBJECT.matcher(message);
                        received.add(new Mail(List.copyOf(recipients), subject.find() ? MimeUtility.decodeText(subject.group(1).strip()) : ""));
                        answer(out, "250 OK");
                    }
                    case "QUIT" -> {
                        answer(out, "221 Bye");
                        return;
                    }
                    default -> answer(out, "250 OK");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the node went away mid-conversation (killed): its mail was not accepted
        }
    }

    private static void answer(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
