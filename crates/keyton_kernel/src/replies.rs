//! The replies whose content does not depend on the session: kernel_info,
//! and the small ones both the shell and the control channel give.

use jupyter_protocol::{CodeMirrorMode, HelpLink, KernelInfoReply, LanguageInfo, ReplyStatus};

const VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn kernel_info() -> KernelInfoReply {
    KernelInfoReply {
        status: ReplyStatus::Ok,
        protocol_version: "5.3".into(),
        implementation: "keyton".into(),
        implementation_version: VERSION.into(),
        language_info: LanguageInfo {
            name: "keyton".into(),
            version: VERSION.into(),
            mimetype: Some("text/x-keyton".into()),
            file_extension: Some(".kt".into()),
            // Keyton is shaped like Python, so Python's highlighting fits.
            pygments_lexer: Some("python".into()),
            codemirror_mode: Some(CodeMirrorMode::Simple("python".into())),
            nbconvert_exporter: None,
        },
        banner: format!(
            "Keyton {VERSION}: Python-shaped, statically typed, compiled to native code \
             through Rust. `rimport` brings in any Rust crate."
        ),
        help_links: vec![HelpLink {
            text: "Rust standard library".into(),
            url: "https://doc.rust-lang.org/std/".into(),
        }],
        debugger: false,
        error: None,
    }
}
