//! `naplint server`: a language server over stdio, on `lsp-server` and `lsp-types` as
//! rust-analyzer uses them. It holds no rule logic: it keeps the open documents' text,
//! runs the core's linter on it (configured by the CLI's own configuration loading) and
//! translates diagnostics, fixes and rule docs into LSP. It never writes to disk: fixes
//! go back to the editor as edits.

mod convert;
mod text;

use crate::baseline;
use crate::files::{self, CheckedFile, Configs, Input};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, HoverProviderCapability,
    InitializeParams, InitializeResult, MessageType, PositionEncodingKind,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url,
};
use naplint::{Lang, Linter, SourceFormat};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What the command line gives the server.
pub struct Options {
    /// `--lang` or `NAPLINT_LANG`: over the configuration and the editor's locale.
    pub lang: Option<Lang>,
    /// `--config`: one configuration for every document.
    pub config: Option<PathBuf>,
    /// `--root` and `--isolated`, as for `naplint check`.
    pub trust: files::Trust,
}

/// One open document.
struct Document {
    text: String,
    version: i32,
    language_id: String,
    /// The linter and diagnostics of the last check; `None` when the document is not a
    /// report (or its configuration is broken).
    checked: Option<Checked>,
}

struct Checked {
    linter: Arc<Linter>,
    format: SourceFormat,
    diagnostics: Vec<naplint::Diagnostic>,
}

struct Server {
    connection: Connection,
    options: Options,
    /// The editor's locale, the language when neither `--lang` nor the configuration
    /// names one.
    locale: Option<Lang>,
    configs: Configs,
    documents: HashMap<Url, Document>,
    /// Configuration errors already shown, so typing does not repeat the pop-up.
    shown: Vec<String>,
}

/// Runs the server until the client says `exit`.
///
/// # Errors
/// A broken connection, or a configuration given with `--config` that cannot be read.
pub fn run(options: Options) -> Result<(), String> {
    // A `--config` that cannot be read stops the server before it starts, as it stops
    // `naplint check`: the editor shows the message from standard error.
    let configs = new_configs(&options, None)?;
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("language server: {e}"))?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("initialize: {e}"))?;
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "naplint".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("language server: {e}"))?;
    let locale = params.locale.as_deref().and_then(Lang::parse);
    let configs = configs.with_fallback_lang(locale);
    let mut server = Server {
        connection,
        options,
        locale,
        configs,
        documents: HashMap::new(),
        shown: Vec::new(),
    };
    server.main_loop()?;
    drop(server);
    io_threads
        .join()
        .map_err(|e| format!("language server: {e}"))
}

fn new_configs(options: &Options, locale: Option<Lang>) -> Result<Configs, String> {
    Ok(Configs::new_in(
        options.config.as_deref(),
        &[],
        &[],
        options.lang,
        options.trust.clone(),
    )?
    .with_fallback_lang(locale))
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, convert::fix_all_kind()]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The format of a document: its file extension, else the editor's language id, else
/// its first character.
fn format_of(uri: &Url, language_id: &str, text: &str) -> SourceFormat {
    let path = uri.path().to_ascii_lowercase();
    if path.ends_with(".yaml") || path.ends_with(".yml") {
        SourceFormat::Yaml
    } else if path.ends_with(".json") {
        SourceFormat::Json
    } else {
        match language_id {
            "yaml" => SourceFormat::Yaml,
            "json" | "jsonc" => SourceFormat::Json,
            _ => SourceFormat::sniff(text),
        }
    }
}

impl Server {
    fn main_loop(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => {
                    let shutdown = self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| format!("language server: {e}"))?;
                    if shutdown {
                        return Ok(());
                    }
                    let response = self.request(request);
                    self.send(response.into());
                }
                Message::Notification(notification) => self.notification(notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // The writer thread only stops when the client has gone; nothing is left to tell.
        let _ = self.connection.sender.send(message);
    }

    fn request(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            CodeActionRequest::METHOD => parse::<CodeActionRequest>(request)
                .map(|(_, params)| serde_json::to_value(self.code_actions(&params))),
            HoverRequest::METHOD => parse::<HoverRequest>(request)
                .map(|(_, params)| serde_json::to_value(self.hover(&params))),
            other => {
                return Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("naplint does not handle `{other}`"),
                )
            }
        };
        match result {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(e)) => Response::new_err(id, ErrorCode::InternalError as i32, e.to_string()),
            Err(message) => Response::new_err(id, ErrorCode::InvalidParams as i32, message),
        }
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = notify::<DidOpenTextDocument>(notification) {
                    let doc = p.text_document;
                    self.documents.insert(
                        doc.uri.clone(),
                        Document {
                            text: doc.text,
                            version: doc.version,
                            language_id: doc.language_id,
                            checked: None,
                        },
                    );
                    self.check(&doc.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = notify::<DidChangeTextDocument>(notification) {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        for change in p.content_changes {
                            text::apply_change(&mut doc.text, change);
                        }
                        doc.version = p.text_document.version;
                        self.check(&uri);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = notify::<DidSaveTextDocument>(notification) {
                    if is_configuration(&p.text_document.uri) {
                        self.reload_configuration();
                    } else {
                        self.check(&p.text_document.uri);
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = notify::<DidChangeWatchedFiles>(notification) {
                    if p.changes.iter().any(|c| is_configuration(&c.uri)) {
                        self.reload_configuration();
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = notify::<DidCloseTextDocument>(notification) {
                    self.documents.remove(&p.text_document.uri);
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            _ => {}
        }
    }

    /// A saved `naplint.toml` (or rule file) applies to every open document at once.
    fn reload_configuration(&mut self) {
        match new_configs(&self.options, self.locale) {
            Ok(configs) => self.configs = configs,
            Err(e) => self.show_error(e),
        }
        self.shown.clear();
        let uris: Vec<Url> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.check(&uri);
        }
    }

    /// Checks one open document and publishes its diagnostics.
    fn check(&mut self, uri: &Url) {
        let Some(doc) = self.documents.get(uri) else {
            return;
        };
        if !files::is_report_text(doc.text.as_bytes()) {
            let version = doc.version;
            if let Some(doc) = self.documents.get_mut(uri) {
                doc.checked = None;
            }
            self.publish(uri.clone(), Vec::new(), Some(version));
            return;
        }
        let input = uri.to_file_path().map_or(Input::Stdin, Input::File);
        let linter = match self.configs.linter_for(&input) {
            Ok(linter) => linter,
            Err(e) => {
                let version = doc.version;
                let diagnostic = convert::configuration_error(&e);
                self.show_error(e);
                if let Some(doc) = self.documents.get_mut(uri) {
                    doc.checked = None;
                }
                self.publish(uri.clone(), vec![diagnostic], Some(version));
                return;
            }
        };
        let format = format_of(uri, &doc.language_id, &doc.text);
        let mut diagnostics = linter.check(&doc.text, format);
        let mut baseline_error = None;
        if let Input::File(path) = &input {
            // The findings `naplint check` shows: those its baseline accepts stay hidden.
            let mut file = [CheckedFile {
                path: path.display().to_string(),
                text: doc.text.clone(),
                diagnostics,
                fixed: 0,
                stdin: false,
            }];
            if let Err(e) = baseline::apply(&mut file, None, linter.config(), &self.configs) {
                baseline_error = Some(e);
            }
            let [file] = file;
            diagnostics = file.diagnostics;
        }
        let lsp = convert::diagnostics(uri, &doc.text, format, &diagnostics);
        let version = doc.version;
        if let Some(doc) = self.documents.get_mut(uri) {
            doc.checked = Some(Checked {
                linter,
                format,
                diagnostics,
            });
        }
        self.publish(uri.clone(), lsp, Some(version));
        if let Some(e) = baseline_error {
            self.show_error(e);
        }
    }

    fn publish(&self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
    }

    fn show_error(&mut self, message: String) {
        if self.shown.contains(&message) {
            return;
        }
        let params = ShowMessageParams {
            typ: MessageType::ERROR,
            message: format!("naplint: {message}"),
        };
        self.send(Notification::new(ShowMessage::METHOD.to_owned(), params).into());
        self.shown.push(message);
    }

    fn code_actions(
        &self,
        params: &lsp_types::CodeActionParams,
    ) -> Option<lsp_types::CodeActionResponse> {
        let uri = &params.text_document.uri;
        let doc = self.documents.get(uri)?;
        let checked = doc.checked.as_ref()?;
        Some(convert::code_actions(
            uri,
            &doc.text,
            checked.format,
            &checked.diagnostics,
            checked.linter.config().lang,
            params.range,
            params.context.only.as_deref(),
        ))
    }

    fn hover(&self, params: &lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let at = &params.text_document_position_params;
        let doc = self.documents.get(&at.text_document.uri)?;
        let checked = doc.checked.as_ref()?;
        convert::hover(&checked.linter, &checked.diagnostics, at.position)
    }
}

/// Whether a saved file is configuration: `naplint.toml`, a rule file or a baseline.
fn is_configuration(uri: &Url) -> bool {
    std::path::Path::new(uri.path())
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn parse<R: lsp_types::request::Request>(
    request: Request,
) -> Result<(RequestId, R::Params), String> {
    request
        .extract::<R::Params>(R::METHOD)
        .map_err(|e| format!("{}: {e:?}", R::METHOD))
}

fn notify<N: lsp_types::notification::Notification>(
    notification: Notification,
) -> Result<N::Params, String> {
    notification
        .extract::<N::Params>(N::METHOD)
        .map_err(|e| format!("{}: {e:?}", N::METHOD))
}
