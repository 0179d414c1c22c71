//! `naplint server` driven by a scripted client over stdio, as an editor drives it:
//! initialize, didOpen, didChange (incremental, then full), codeAction, hover, shutdown,
//! exit. Every wait is bounded, so a server that hangs fails the test instead of
//! blocking it.

mod common;

use common::{fixture_text, naplint_in};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// The longest the client waits for any one reply.
const WAIT: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    replies: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(cwd: &Path, args: &[&str]) -> Self {
        let mut child = naplint_in(cwd)
            .arg("server")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let stdin = child.stdin.take();
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            replies,
            next_id: 1,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    /// `didSave` of `uri`, as an editor sends it when a file is written.
    fn saved(&mut self, uri: &str) {
        self.notify(
            "textDocument/didSave",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message the predicate accepts; others (log messages, stale diagnostics)
    /// are passed over.
    fn wait_for(&self, what: &str, accept: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(left) {
                Ok(message) if accept(&message) => return message,
                Ok(_) => {}
                Err(e) => panic!("no {what} from the server within {WAIT:?}: {e}"),
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let reply = self.wait_for(method, |m| m["id"] == id);
        assert!(reply.get("error").is_none(), "{method}: {reply}");
        reply["result"].clone()
    }

    /// The diagnostics published for `version` of `uri`.
    fn diagnostics(&self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, locale: Option<&str>) -> Value {
        let result = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": {}, "locale": locale }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// shutdown, exit, and the process ends by itself with status 0.
    fn finish(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "server exited with {status}");
                return;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit within {WAIT:?} of `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed assertion must not leave the server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Byte offset of an LSP position (0-based line, UTF-16 character) in LF text.
fn offset(text: &str, line: u64, character: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(usize::try_from(line).unwrap())
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

/// Applies a `WorkspaceEdit`'s edits for `uri` to `text`, last first.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits = edit["changes"][uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| {
        std::cmp::Reverse((
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        ))
    });
    let mut out = text.to_owned();
    for e in edits {
        let r = &e["range"];
        let start = offset(
            &out,
            r["start"]["line"].as_u64().unwrap(),
            r["start"]["character"].as_u64().unwrap(),
        );
        let end = offset(
            &out,
            r["end"]["line"].as_u64().unwrap(),
            r["end"]["character"].as_u64().unwrap(),
        );
        out.replace_range(start..end, e["newText"].as_str().unwrap());
    }
    out
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn range(line: u64, start: u64, end_line: u64, end: u64) -> Value {
    json!({ "start": { "line": line, "character": start }, "end": { "line": end_line, "character": end } })
}

#[test]
fn scripted_session_diagnostics_fixes_and_hover() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let mut text = fixture_text("P005/fail_dash.json");
    std::fs::write(&path, &text).unwrap();
    let on_disk = text.clone();
    let uri = uri_of(&path);

    let mut client = Client::start(dir.path(), &[]);
    let init = client.initialize(None);
    assert_eq!(init["serverInfo"]["name"], "naplint");
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");

    // didOpen: the fixture's one finding, where the CLI puts it (72:28, 1-based).
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "json", "version": 1, "text": text } }),
    );
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(codes(&diagnostics), ["P005"], "{diagnostics:?}");
    let p005 = &diagnostics[0];
    assert_eq!(p005["range"], range(71, 27, 71, 36));
    assert_eq!(p005["severity"], 1);
    assert_eq!(p005["source"], "naplint");
    assert_eq!(
        p005["message"],
        "invalid fiscal year `2012-13`\nwrite it `2012/13`"
    );

    // didChange, incremental: a character outside the BMP (two UTF-16 units) and a double
    // space at the start of line 71's text (the opening quote is at character 26).
    let insert = json!({ "range": range(70, 27, 70, 27), "text": "𝄞  " });
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [insert] }),
    );
    let at = offset(&text, 70, 27);
    text.insert_str(at, "𝄞  ");
    let diagnostics = client.diagnostics(&uri, 2);
    assert_eq!(codes(&diagnostics), ["P017", "P005"], "{diagnostics:?}");
    let literal = "\"𝄞  Promote online training tool launched by the BC Office to Combat Trafficking in Persons.\"";
    let width = literal.encode_utf16().count() as u64;
    assert_eq!(
        diagnostics[0]["range"],
        range(70, 26, 70, 26 + width),
        "UTF-16 columns"
    );
    assert_eq!(diagnostics[0]["severity"], 2);

    // codeAction on the P017 finding: its quick fix removes one space, and "fix all".
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(70, 30, 70, 30),
                "context": { "diagnostics": [] } }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 2, "{actions:?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["diagnostics"][0]["code"], "P017");
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{ "range": range(70, 30, 70, 31), "newText": "" }]),
        "one space removed, after the two units of the clef and the first space"
    );
    assert_eq!(actions[1]["kind"], "source.fixAll.naplint");
    assert_eq!(actions[1]["title"], "Fix all naplint findings");
    let fixed = apply(&text, &actions[1]["edit"], &uri);
    assert!(
        fixed.contains("\"𝄞 Promote online") && fixed.contains("\"start\": \"2012/13\""),
        "{fixed}"
    );

    // Only the kinds asked for.
    let only_fix_all = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(70, 30, 70, 30),
                "context": { "diagnostics": [], "only": ["source"] } }),
    );
    assert_eq!(only_fix_all.as_array().unwrap().len(), 1, "{only_fix_all}");
    assert_eq!(only_fix_all[0]["kind"], "source.fixAll.naplint");

    // hover on the P005 value: the rule's explain.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 71, "character": 30 } }),
    );
    let doc = hover["contents"]["value"].as_str().unwrap();
    assert!(doc.starts_with("# P005 `invalid-fiscal-year`"), "{doc}");
    assert!(doc.contains("## What it checks"), "{doc}");
    assert_eq!(hover["contents"]["kind"], "markdown");
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(nothing, Value::Null);

    // didChange, incremental, after the clef: the editor applies the quick fix; its
    // range counts the clef as two UTF-16 units.
    let quick_fix = actions[0]["edit"]["changes"][&uri][0].clone();
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 }, "contentChanges": [
            { "range": quick_fix["range"], "text": quick_fix["newText"] }] }),
    );
    let text = apply(&text, &actions[0]["edit"], &uri);
    assert!(text.contains("\"𝄞 Promote online"), "{text}");
    assert_eq!(codes(&client.diagnostics(&uri, 3)), ["P005"]);

    // didChange, full text: the editor applied "fix all"; nothing is left.
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range(0, 0, 0, 0),
                "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions.as_array().unwrap().len(), 1, "{actions}");
    let fixed = apply(&text, &actions[0]["edit"], &uri);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 4 }, "contentChanges": [{ "text": fixed }] }),
    );
    assert_eq!(client.diagnostics(&uri, 4), Vec::<Value>::new());

    // didSave checks again (the editor's text, not the file on disk, which still has both
    // findings).
    client.saved(&uri);
    assert_eq!(client.diagnostics(&uri, 4), Vec::<Value>::new());

    // A JSON file that is not a report gets no findings.
    let other = uri_of(&dir.path().join("package.json"));
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": other, "languageId": "json", "version": 1, "text": "{\"name\": \"x\"}" } }),
    );
    assert_eq!(client.diagnostics(&other, 1), Vec::<Value>::new());

    client.finish();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        on_disk,
        "nothing written to disk"
    );
}

#[test]
fn language_from_locale_configuration_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let text = fixture_text("P005/fail_dash.yaml");
    let english = dir.path().join("en");
    std::fs::create_dir(&english).unwrap();
    std::fs::write(english.join("naplint.toml"), "lang = \"en\"\n").unwrap();
    let french = dir.path().join("fr");
    std::fs::create_dir(&french).unwrap();
    let en_uri = uri_of(&english.join("report.yaml"));
    let fr_uri = uri_of(&french.join("report.yaml"));

    let open = |client: &mut Client, uri: &str| {
        client.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
        let diagnostics = client.diagnostics(uri, 1);
        assert_eq!(codes(&diagnostics), ["P005"], "{diagnostics:?}");
        diagnostics[0]["message"].as_str().unwrap().to_owned()
    };

    // The editor's locale is French: a report without configuration speaks French, one
    // whose naplint.toml says `lang = "en"` keeps English.
    let mut client = Client::start(dir.path(), &[]);
    client.initialize(Some("fr-CA"));
    let fr = open(&mut client, &fr_uri);
    let en = open(&mut client, &en_uri);
    assert!(en.starts_with("invalid fiscal year"), "{en}");
    assert_ne!(fr, en);
    assert!(!fr.contains("invalid"), "{fr}");

    // Saving a naplint.toml applies it to the open documents at once.
    let config = english.join("naplint.toml");
    for (lang, message) in [("fr", fr.as_str()), ("en", en.as_str())] {
        std::fs::write(&config, format!("lang = \"{lang}\"\n")).unwrap();
        client.saved(&uri_of(&config));
        let diagnostics = client.diagnostics(&en_uri, 1);
        assert_eq!(
            diagnostics[0]["message"].as_str().unwrap(),
            message,
            "{diagnostics:?}"
        );
    }
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": fr_uri }, "range": range(0, 0, 0, 0),
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    assert_eq!(actions[0]["title"], "Corriger tous les constats naplint");
    client.finish();

    // `--lang fr` is over the configuration.
    let mut client = Client::start(dir.path(), &["--lang", "fr"]);
    client.initialize(Some("en"));
    assert_eq!(open(&mut client, &en_uri), fr);
    client.finish();
}

#[test]
fn related_fields_are_related_information() {
    let dir = tempfile::tempdir().unwrap();
    let uri = uri_of(&dir.path().join("report.yaml"));
    let text = fixture_text("R001/fail.yaml");
    let mut client = Client::start(dir.path(), &[]);
    client.initialize(None);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
    );
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(codes(&diagnostics), ["R001"], "{diagnostics:?}");
    let related = diagnostics[0]["relatedInformation"].as_array().unwrap();
    let found: Vec<(String, Value, &str)> = related
        .iter()
        .map(|r| {
            (
                r["location"]["uri"].as_str().unwrap().to_owned(),
                r["location"]["range"].clone(),
                r["message"].as_str().unwrap(),
            )
        })
        .collect();
    // `      male: 29` on line 85 (1-based): the value is at characters 12..14.
    assert_eq!(
        found[..2],
        [
            (
                uri.clone(),
                range(84, 12, 84, 14),
                "`/statistics/trp/cumulative/male`"
            ),
            (
                uri.clone(),
                range(85, 14, 85, 16),
                "`/statistics/trp/cumulative/female`"
            ),
        ]
    );
    assert_eq!(found.len(), 4);
    client.finish();
}

#[test]
fn broken_configuration_is_shown_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("naplint.toml"), "tolerance = \"five\"\n").unwrap();
    let uri = uri_of(&dir.path().join("report.json"));
    let mut client = Client::start(dir.path(), &[]);
    client.initialize(None);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "json", "version": 1,
                "text": fixture_text("P005/fail_dash.json") } }),
    );
    let shown = client.wait_for("showMessage", |m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1, "{shown}");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("naplint.toml"),
        "{shown}"
    );
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("naplint.toml"),
        "{diagnostics:?}"
    );
    assert_eq!(diagnostics[0]["range"], range(0, 0, 0, 0));
    // The server is still there: it answers and shuts down cleanly.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 71, "character": 30 } }),
    );
    assert_eq!(hover, Value::Null);
    client.finish();
}

#[test]
fn baseline_beside_the_report_hides_accepted_findings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let text = fixture_text("P005/fail_dash.json");
    std::fs::write(&path, &text).unwrap();
    let uri = uri_of(&path);
    let mut client = Client::start(dir.path(), &[]);
    client.initialize(None);
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "json", "version": 1, "text": text } }),
    );
    assert_eq!(codes(&client.diagnostics(&uri, 1)), ["P005"]);

    // Accepting the finding in naplint-baseline.toml, as `naplint check` reads it.
    let baseline = dir.path().join("naplint-baseline.toml");
    std::fs::write(
        &baseline,
        "[[suppress]]\ncode = \"P005\"\npointer = \"/pillars/0/objectives/0/tasks/0/deliverables/0/start\"\nreason = \"as printed\"\n",
    )
    .unwrap();
    client.saved(&uri_of(&baseline));
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());
    let cli = naplint_in(dir.path())
        .args(["check", "report.json", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&cli.stdout).trim(),
        "[]",
        "the CLI agrees: {cli:?}"
    );
    client.finish();
}
