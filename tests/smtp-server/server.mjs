// A real SMTP server for the notification tests: listens on 127.0.0.1:<port> (first argument),
// accepts any sender and recipient without authentication or TLS, and prints one JSON line per
// message it receives ({"from","to","data"}), after "listening <port>" once it is ready. It stops
// when its stdin closes, so it never outlives the test that started it.
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2] ?? 0);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      process.stdout.write(JSON.stringify({
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        data: Buffer.concat(chunks).toString("utf8"),
      }) + "\n");
      callback();
    });
  },
});
server.on("error", (err) => process.stderr.write(`smtp error: ${err.message}\n`));
server.listen(port, "127.0.0.1", () => process.stdout.write(`listening ${server.server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
