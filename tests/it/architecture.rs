//! Architecture rules, checked on the source text under `src/` (no server): handlers stay thin,
//! layers import downward only, and no two files import each other in a circle.
//!
//! `cargo test architecture` runs this check and the unit tests of its scanner. The rules:
//!
//! - (a) no file under `src/handlers/` contains `transaction(` or `audit::record` (transactions
//!   and the audit trail belong in the layers below);
//! - (b) no function in `src/handlers/` is longer than [`MAX_HANDLER_FN_LINES`] lines;
//! - (c) a module imports only modules of strictly lower rank in [`RANKS`], or files of its own
//!   top-level module (`src/db/search.rs` may use `src/db/mod.rs`);
//! - (d) there is no import circle between files.
//!
//! # How the source is read (keep it simple)
//!
//! Every file is first reduced to its *code*: comments (`//`, `///`, `//!`, nested `/* */`) and
//! the contents of string, raw-string, byte-string and char literals become spaces, line breaks
//! stay, so line numbers still match. Then every `#[cfg(test)]`-gated inline `mod NAME { … }` is
//! blanked too: test modules are not imports and their functions are not handlers.
//!
//! An *import* is a path starting with `crate::` or `super::` (not `$crate::`, not
//! `pub(crate)`), in a `use` line or anywhere in the code; `use crate::{a, b::{c, d}}` groups
//! are expanded. `super::` climbs from the file's module (`src/db/search.rs` is `db::search`,
//! `src/db/mod.rs` is `db`). Inline `mod x { … }` blocks other than test modules are not
//! tracked (the tree has none); a `mod child;` declaration is not an import.
//!
//! A function is a line starting (after indentation) with `fn`, optionally after `pub`,
//! `pub(…)`, `const`, `async`, `unsafe`; it runs from that line to the line of the `}` matching
//! its first `{` (a `;` first, outside brackets, means no body). Lines are counted inclusively.
//!
//! An import path is resolved to a file by walking its segments: `crate::db::search::x` is
//! `src/db/search.rs` when that file exists, else `src/db/mod.rs`; `crate::x` is `src/x.rs` or
//! `src/x/mod.rs`. A file's imports of itself are ignored; every circle (a strongly connected
//! set of files) is reported with the imports that form it.
//!
//! `src/lib.rs` and `src/main.rs` are not checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Ranks of the top-level modules under `src/` (edit here when the design changes). A module may
/// import only modules of strictly lower rank, plus files of its own top-level folder; modules
/// of equal rank (db and domain) never import each other.
const RANKS: &[(&str, u32)] = &[
    ("schema", 0),
    ("clock", 0),
    ("tokens", 0),
    ("i18n", 0),
    ("signing", 0),
    ("config", 0),
    ("i18n", 0),
    ("metrics", 0),
    ("logging", 0),
    ("shutdown", 0),
    ("models", 1),
    ("messages", 1),
    ("stamp", 1),
    ("site", 1),
    ("db", 2),
    ("domain", 2),
    ("error", 3),
    ("maintenance", 3),
    ("csrf", 4),
    ("forms", 5),
    ("mail", 5),
    ("actions", 6),
    ("views", 7),
    // Background jobs drive actions and mail, like a handler does for a request.
    ("jobs", 7),
    ("handlers", 8),
    ("routes", 9),
    ("page_cache", 9),
    ("observe", 9),
    ("referral", 9),
    ("startup", 10),
];

/// Longest function allowed in `src/handlers/`, signature to closing brace.
const MAX_HANDLER_FN_LINES: usize = 60;

/// Text that must not appear in the code of `src/handlers/`.
const FORBIDDEN_IN_HANDLERS: &[&str] = &["transaction(", "audit::record"];

/// Files that are not checked.
const UNCHECKED: &[&str] = &["src/lib.rs", "src/main.rs"];

#[test]
fn the_source_tree_follows_the_architecture_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = BTreeMap::new();
    read_tree(root, &root.join("src"), &mut files);
    assert!(files.contains_key("src/handlers/mod.rs"), "src/ not found");
    let violations = check(&files);
    assert!(
        violations.is_empty(),
        "{} architecture rule violation(s):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// Every `.rs` file under `dir`, keyed by its path relative to `root` with `/` separators.
fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap();
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let text = std::fs::read_to_string(&path).unwrap();
            files.insert(key, text);
        }
    }
}

/// All rule violations in `files` (path like `src/db/mod.rs` -> source text), one line each.
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    let paths: BTreeSet<String> = files.keys().cloned().collect();
    let mut violations = Vec::new();
    // file -> (imported file -> first line of such an import, and the path as written)
    let mut graph: BTreeMap<String, BTreeMap<String, (usize, String)>> = BTreeMap::new();

    for (file, text) in files {
        if UNCHECKED.contains(&file.as_str()) || !file.starts_with("src/") {
            continue;
        }
        let code = without_test_modules(&strip_comments_and_literals(text));
        let module = module_path(file);
        let top = module[0].clone();

        if file.starts_with("src/handlers/") {
            for (n, line) in code.lines().enumerate() {
                for needle in FORBIDDEN_IN_HANDLERS {
                    if line.contains(needle) {
                        violations.push(format!(
                            "{file}:{}: [a: handlers do no transactions or auditing] `{needle}`",
                            n + 1
                        ));
                    }
                }
            }
            for f in functions(&code) {
                if f.lines > MAX_HANDLER_FN_LINES {
                    violations.push(format!(
                        "{file}:{}: [b: handler functions at most {MAX_HANDLER_FN_LINES} lines] \
                         fn {} is {} lines",
                        f.line, f.name, f.lines
                    ));
                }
            }
        }

        let own_rank = rank(&top);
        if own_rank.is_none() {
            violations.push(format!(
                "{file}:1: [c: layers] top-level module `{top}` is not in the rank table"
            ));
        }
        for import in imports(&code) {
            let Some(target) = absolute(&module, &import.segments) else {
                violations.push(format!(
                    "{file}:{}: [c: layers] `{}` climbs above the crate",
                    import.line,
                    import.segments.join("::")
                ));
                continue;
            };
            let Some(target_top) = target.first() else {
                continue; // `crate::{self}` or similar: the crate root itself
            };
            if *target_top != top {
                match (own_rank, rank(target_top)) {
                    (_, None) => violations.push(format!(
                        "{file}:{}: [c: layers] `{}` names `{target_top}`, which is not in \
                         the rank table",
                        import.line,
                        import.segments.join("::")
                    )),
                    (Some(own), Some(theirs)) if theirs >= own => violations.push(format!(
                        "{file}:{}: [c: layers] {top} (rank {own}) imports {target_top} \
                         (rank {theirs}): `{}`",
                        import.line,
                        import.segments.join("::")
                    )),
                    _ => {}
                }
            }
            if let Some(to) = resolve(&paths, &target) {
                if to != *file && !UNCHECKED.contains(&to.as_str()) {
                    graph
                        .entry(file.clone())
                        .or_default()
                        .entry(to)
                        .or_insert((import.line, import.segments.join("::")));
                }
            }
        }
    }

    for component in cycles(&graph) {
        let mut lines = vec![format!(
            "{}:1: [d: no import circles] circle between {}:",
            component[0],
            component.join(", ")
        )];
        for from in &component {
            for (to, (line, path)) in &graph[from] {
                if component.contains(to) {
                    lines.push(format!("    {from}:{line} -> {to} (`{path}`)"));
                }
            }
        }
        violations.push(lines.join("\n"));
    }
    violations
}

fn rank(module: &str) -> Option<u32> {
    RANKS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// The module path of a file: `src/db/search.rs` -> `[db, search]`, `src/db/mod.rs` -> `[db]`.
fn module_path(file: &str) -> Vec<String> {
    let rel = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut segments: Vec<String> = rel.split('/').map(str::to_string).collect();
    if segments.len() > 1 && segments.last().is_some_and(|s| s == "mod") {
        segments.pop();
    }
    segments
}

/// An import as written (`crate::…` or `super::…`, groups expanded) and its line.
#[derive(Debug, PartialEq)]
struct Import {
    segments: Vec<String>,
    line: usize,
}

/// The path an import names, from the crate root (`crate` / `super` / `self` resolved against
/// the importing file's module); `None` when it climbs above the crate.
fn absolute(module: &[String], segments: &[String]) -> Option<Vec<String>> {
    let mut base: Vec<String> = Vec::new();
    let mut rest = segments;
    match segments.first().map(String::as_str) {
        Some("crate") => rest = &segments[1..],
        Some("super") => {
            base = module.to_vec();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    base.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(base)
}

/// The file that defines the deepest module named by `target` (a path from the crate root).
fn resolve(paths: &BTreeSet<String>, target: &[String]) -> Option<String> {
    let mut found = None;
    let mut dir = "src".to_string();
    for segment in target {
        let file = format!("{dir}/{segment}.rs");
        let folder = format!("{dir}/{segment}/");
        let has_folder = paths.iter().any(|p| p.starts_with(&folder));
        if paths.contains(&file) {
            found = Some(file);
        } else if paths.contains(&format!("{folder}mod.rs")) {
            found = Some(format!("{folder}mod.rs"));
        } else {
            break;
        }
        if !has_folder {
            break;
        }
        dir = format!("{dir}/{segment}");
    }
    found
}

/// The strongly connected sets of more than one file (Tarjan), each sorted, in sorted order.
fn cycles(graph: &BTreeMap<String, BTreeMap<String, (usize, String)>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeMap<String, (usize, String)>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(edges) = s.graph.get(v) {
            for w in edges.keys() {
                if !s.index.contains_key(w.as_str()) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w.as_str()]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w.as_str()) {
                    let low = s.low[v].min(s.index[w.as_str()]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            loop {
                let w = s.stack.pop().unwrap();
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found.sort();
    s.found
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code of a Rust file: comments and the contents of string and char literals become spaces
/// (quotes and line breaks stay), so braces and paths in them are not seen, and lines still match.
fn strip_comments_and_literals(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let prev_ident = i > 0 && is_ident(c[i - 1]);
        // Line comment (also `///` and `//!`).
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
            continue;
        }
        // Block comment, nested.
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            continue;
        }
        // Raw string: r"…", r#"…"#, br#"…"# (the `b` was already copied).
        let raw_start =
            c[i] == 'r' && (!prev_ident || (c[i - 1] == 'b' && (i < 2 || !is_ident(c[i - 2]))));
        if raw_start {
            let mut j = i + 1;
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            if c.get(j) == Some(&'"') {
                let hashes = j - i - 1;
                out.extend(&c[i..=j]);
                i = j + 1;
                while i < c.len() {
                    if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                        out.extend(&c[i..=i + hashes]);
                        i += hashes + 1;
                        break;
                    }
                    blank(&mut out, c[i]);
                    i += 1;
                }
                continue;
            }
        }
        // String or byte string.
        if c[i] == '"' {
            out.push('"');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' && i + 1 < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
            if i < c.len() {
                out.push('"');
                i += 1;
            }
            continue;
        }
        // Char literal ('x', '\n', '\u{..}', '\'', b'x'); anything else is a lifetime or label.
        let byte_prefix = i > 0 && c[i - 1] == 'b' && (i < 2 || !is_ident(c[i - 2]));
        if c[i] == '\'' && (!prev_ident || byte_prefix) {
            let end = if c.get(i + 1) == Some(&'\\') {
                (i + 3..c.len()).find(|&k| c[k] == '\'')
            } else if c.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(end) = end {
                out.push('\'');
                for &ch in &c[i + 1..end] {
                    blank(&mut out, ch);
                }
                out.push('\'');
                i = end + 1;
                continue;
            }
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

/// `code` with every `#[cfg(test)]`-gated inline module (`mod tests { … }`) blanked, lines kept.
fn without_test_modules(code: &str) -> String {
    let mut lines: Vec<String> = code.lines().map(str::to_string).collect();
    let mut n = 0;
    while n < lines.len() {
        if lines[n].trim() != "#[cfg(test)]" {
            n += 1;
            continue;
        }
        let Some(next) = (n + 1..lines.len()).find(|&k| !lines[k].trim().is_empty()) else {
            break;
        };
        let decl = lines[next].trim_start();
        let decl = decl.strip_prefix("pub ").unwrap_or(decl);
        if !decl.starts_with("mod ") || decl.trim_end().ends_with(';') {
            n += 1;
            continue;
        }
        // Blank from the attribute to the brace that closes the module.
        let mut depth = 0;
        let mut opened = false;
        let mut k = n;
        while k < lines.len() {
            for ch in lines[k].chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            lines[k].clear();
            k += 1;
            if opened && depth == 0 {
                break;
            }
        }
        n = k;
    }
    let mut out = lines.join("\n");
    if code.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Every `crate::…` and `super::…` path in `code` (already stripped), groups expanded.
fn imports(code: &str) -> Vec<Import> {
    let c: Vec<char> = code.chars().collect();
    let line_of = |pos: usize| c[..pos].iter().filter(|&&ch| ch == '\n').count() + 1;
    let mut found = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let starts_word = i == 0 || !(is_ident(c[i - 1]) || c[i - 1] == '$');
        let rest: String = c[i..(i + 7).min(c.len())].iter().collect();
        if starts_word && (rest == "crate::" || rest == "super::") {
            let mut paths = Vec::new();
            let end = parse_path(&c, i, Vec::new(), &mut paths);
            for (segments, pos) in paths {
                found.push(Import {
                    segments,
                    line: line_of(pos),
                });
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    found
}

fn skip_space(c: &[char], mut i: usize) -> usize {
    while i < c.len() && c[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Parses `seg (:: seg)* (:: { group } | :: *)?` from `i`, appending each complete path (with
/// `prefix` in front) and the position of its first own segment to `out`; returns the end.
fn parse_path(
    c: &[char],
    i: usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, usize)>,
) -> usize {
    let start = i;
    let mut segments = prefix;
    let mut i = skip_space(c, i);
    loop {
        let s = i;
        while i < c.len() && is_ident(c[i]) {
            i += 1;
        }
        if s == i {
            break;
        }
        segments.push(c[s..i].iter().collect());
        let j = skip_space(c, i);
        if !(c.get(j) == Some(&':') && c.get(j + 1) == Some(&':')) {
            break;
        }
        let k = skip_space(c, j + 2);
        match c.get(k) {
            Some('{') => {
                // A group: `{a, b::c, d::{e, f}, self, *}`.
                let mut p = k + 1;
                loop {
                    p = skip_space(c, p);
                    match c.get(p) {
                        None => return p,
                        Some('}') => return p + 1,
                        Some(',') => p += 1,
                        Some('*') => {
                            out.push((segments.clone(), p));
                            p += 1;
                        }
                        Some(_) => {
                            let before = p;
                            p = parse_path(c, p, segments.clone(), out);
                            // `x as y`: skip the alias.
                            let q = skip_space(c, p);
                            if c[q..].starts_with(&['a', 's', ' ']) {
                                p = skip_space(c, q + 3);
                                while p < c.len() && is_ident(c[p]) {
                                    p += 1;
                                }
                            }
                            if p == before {
                                p += 1; // not a path: step over it
                            }
                        }
                    }
                }
            }
            Some('*') => {
                out.push((segments, start));
                return k + 1;
            }
            _ => i = k,
        }
    }
    if segments.last().is_some_and(|s| s == "self") {
        segments.pop(); // `x::{self}` names `x`
    }
    out.push((segments, start));
    i
}

/// A function found by [`functions`]: name, line of its signature (1-based), length in lines.
#[derive(Debug, PartialEq)]
struct Function {
    name: String,
    line: usize,
    lines: usize,
}

/// The functions with a body in `code` (already stripped), nested ones included.
fn functions(code: &str) -> Vec<Function> {
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else {
            continue;
        };
        // Find the body's `{` (or a `;` outside brackets: no body), then its matching `}`.
        let mut brackets = 0i32;
        let mut depth = 0i32;
        let mut opened = false;
        let mut end = None;
        'scan: for (k, text) in lines.iter().enumerate().skip(n) {
            for ch in text.chars() {
                match ch {
                    '(' | '[' if !opened => brackets += 1,
                    ')' | ']' if !opened => brackets -= 1,
                    ';' if !opened && brackets == 0 => break 'scan,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = Some(k);
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(end) = end {
            found.push(Function {
                name,
                line: n + 1,
                lines: end - n + 1,
            });
        }
    }
    found
}

/// The name of the function a line starts, if it starts one.
fn fn_name(line: &str) -> Option<String> {
    let mut rest = line.trim_start();
    if let Some(r) = rest.strip_prefix("pub(") {
        rest = r.split_once(')')?.1.trim_start();
    } else if let Some(r) = rest.strip_prefix("pub ") {
        rest = r.trim_start();
    }
    loop {
        let before = rest;
        for qualifier in ["const ", "async ", "unsafe "] {
            if let Some(r) = rest.strip_prefix(qualifier) {
                rest = r.trim_start();
            }
        }
        if rest == before {
            break;
        }
    }
    let rest = rest.strip_prefix("fn ")?.trim_start();
    let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
    (!name.is_empty()).then_some(name)
}

// ---------------------------------------------------------------------------------------------
// The scanner itself
// ---------------------------------------------------------------------------------------------

fn segs(path: &str) -> Vec<String> {
    path.split("::").map(str::to_string).collect()
}

fn import_paths(code: &str) -> Vec<String> {
    imports(&without_test_modules(&strip_comments_and_literals(code)))
        .into_iter()
        .map(|i| i.segments.join("::"))
        .collect()
}

#[test]
fn comments_strings_and_chars_are_not_code() {
    let code = r##"
/// Uses crate::db in a doc comment.
//! And crate::views here.
fn a() { let s = "crate::handlers { }"; } // crate::routes
/* crate::startup /* nested crate::x */ still comment */
const R: &str = r#"crate::forms " {"#;
const B: &[u8] = br"crate::mail";
fn b<'a>(x: &'a str) -> char { let _q = '"'; let _o = '{'; let _e = '\''; let _b = b'"'; 'x' }
use crate::models::Role;
"##;
    assert_eq!(import_paths(code), vec!["crate::models::Role"]);
    let stripped = strip_comments_and_literals(code);
    assert_eq!(stripped.lines().count(), code.lines().count());
    assert!(stripped.contains("fn b<'a>(x: &'a str)"));
    assert_eq!(
        functions(&stripped)
            .iter()
            .map(|f| (f.name.as_str(), f.lines))
            .collect::<Vec<_>>(),
        vec![("a", 1), ("b", 1)]
    );
}

#[test]
fn groups_and_super_paths_are_expanded() {
    let code = "
use crate::{db, models::{Role, User as U}, views::*};
use super::super::x::{self, y};
pub(crate) fn f() -> crate::error::Result<()> { $crate::ignored::x; my_crate::no; Ok(()) }
pub(super) fn g() { let _ = crate::clock::now(); }
use crate::{
    forms,
    mail::Mailer,
};
";
    assert_eq!(
        import_paths(code),
        vec![
            "crate::db",
            "crate::models::Role",
            "crate::models::User",
            "crate::views",
            "super::super::x",
            "super::super::x::y",
            "crate::error::Result",
            "crate::clock::now",
            "crate::forms",
            "crate::mail::Mailer",
        ]
    );
    let lines: Vec<usize> = imports(code).iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 2, 2, 2, 3, 3, 4, 5, 7, 8]);
}

#[test]
fn test_modules_are_skipped() {
    let code = "use crate::db;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handlers::x;
    fn long() {
    }
}

#[cfg(test)]
fn helper() { crate::clock::now(); }
";
    assert_eq!(import_paths(code), vec!["crate::db", "crate::clock::now"]);
}

#[test]
fn functions_are_measured_from_signature_to_closing_brace() {
    let code = "
pub async fn handler(
    a: [u8; 4],
) -> Result<(), ()>
where
    (): Sized,
{
    let s = \"}}}\"; // }
    if true {
        inner();
    }
    Ok(())
}
trait T {
    fn declared(&self) -> [u8; 2];
    pub(crate) const fn defined() {}
}
";
    let found = functions(&strip_comments_and_literals(code));
    assert_eq!(
        found,
        vec![
            Function {
                name: "handler".into(),
                line: 2,
                lines: 12
            },
            Function {
                name: "defined".into(),
                line: 16,
                lines: 1
            },
        ]
    );
    assert_eq!(fn_name("    fn_like_name();"), None);
    assert_eq!(fn_name("let fn_x = 1;"), None);
}

#[test]
fn paths_resolve_to_the_deepest_existing_file() {
    let paths: BTreeSet<String> = [
        "src/db/mod.rs",
        "src/db/search.rs",
        "src/error.rs",
        "src/views/mod.rs",
        "src/handlers/admin/mod.rs",
        "src/handlers/admin/users.rs",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    let r = |p: &str| resolve(&paths, &segs(p));
    assert_eq!(r("db::search::rank").as_deref(), Some("src/db/search.rs"));
    assert_eq!(r("db::DbConn").as_deref(), Some("src/db/mod.rs"));
    assert_eq!(r("db::schema::users").as_deref(), Some("src/db/mod.rs"));
    assert_eq!(r("error::AppError").as_deref(), Some("src/error.rs"));
    assert_eq!(r("views").as_deref(), Some("src/views/mod.rs"));
    assert_eq!(r("nowhere"), None);

    let users = module_path("src/handlers/admin/users.rs");
    assert_eq!(users, segs("handlers::admin::users"));
    assert_eq!(module_path("src/db/mod.rs"), segs("db"));
    assert_eq!(
        absolute(&users, &segs("super::CurrentUser")),
        Some(segs("handlers::admin::CurrentUser"))
    );
    assert_eq!(
        absolute(&module_path("src/db/mod.rs"), &segs("super::schema::x")),
        Some(segs("schema::x"))
    );
    assert_eq!(absolute(&segs("db"), &segs("super::super::x")), None);
}

#[test]
fn the_rules_report_file_line_and_rule() {
    let files: BTreeMap<String, String> = [
        ("src/lib.rs", "pub mod db; use crate::handlers::x;"),
        (
            "src/db/mod.rs",
            "//! Db.\npub mod search;\nuse crate::schema;\nuse crate::domain::x;\n",
        ),
        ("src/db/search.rs", "use super::DbConn;\n"),
        ("src/domain/mod.rs", "use crate::db::search::x;\n"),
        ("src/schema.rs", "// crate::db is fine in a comment\n"),
        (
            "src/handlers/mod.rs",
            "use crate::db::search;\nfn h(conn: &mut C) {\n    conn.transaction(|c| Ok(()))\n}\n",
        ),
        ("src/nowhere.rs", "use crate::db;\n"),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    let v = check(&files);
    let expected = [
        "src/db/mod.rs:4: [c: layers] db (rank 2) imports domain (rank 2): `crate::domain::x`",
        "src/domain/mod.rs:1: [c: layers] domain (rank 2) imports db (rank 2): \
         `crate::db::search::x`",
        "src/handlers/mod.rs:3: [a: handlers do no transactions or auditing] `transaction(`",
        "src/nowhere.rs:1: [c: layers] top-level module `nowhere` is not in the rank table",
        "src/db/mod.rs:1: [d: no import circles] circle between src/db/mod.rs, \
         src/db/search.rs, src/domain/mod.rs:\n    \
         src/db/mod.rs:4 -> src/domain/mod.rs (`crate::domain::x`)\n    \
         src/db/search.rs:1 -> src/db/mod.rs (`super::DbConn`)\n    \
         src/domain/mod.rs:1 -> src/db/search.rs (`crate::db::search::x`)",
    ];
    assert_eq!(v, expected, "{}", v.join("\n"));

    let long = format!("pub fn f() {{\n{}}}\n", "    x();\n".repeat(59));
    let files = BTreeMap::from([("src/handlers/home.rs".to_string(), long)]);
    assert_eq!(
        check(&files),
        ["src/handlers/home.rs:1: [b: handler functions at most 60 lines] fn f is 61 lines"]
    );
}
