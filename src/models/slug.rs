//! URL slugs made from titles.

/// Lower-case ASCII words joined by `-`; other letters are dropped after folding common accents.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in text.chars().flat_map(fold) {
        if ch.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(ch.to_ascii_lowercase());
        } else if ch == '+' {
            // "Middle+" and "C++" keep their meaning as words of their own.
            if !out.is_empty() {
                out.push('-');
            }
            dash = true;
            out.push_str("plus");
        } else if ch == '#' {
            out.push_str("sharp");
        } else {
            dash = true;
        }
        if out.len() >= 80 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The slug of `title` (or `fallback` when the title has no letters or digits), with `-2`,
/// `-3`... added until `taken` says no. The caller's `taken` does the query, so this stays
/// free of the database and one rule serves vacancies, articles and paths.
pub fn unique<E>(
    title: &str,
    fallback: &str,
    mut taken: impl FnMut(&str) -> Result<bool, E>,
) -> Result<String, E> {
    let base = slugify(title);
    let base = if base.is_empty() {
        fallback.to_string()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken(&candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

fn fold(ch: char) -> Vec<char> {
    let folded = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ł' | 'Ł' => 'l',
        'ś' | 'š' | 'Ś' | 'Š' => 's',
        'ż' | 'ź' | 'ž' | 'Ż' | 'Ź' | 'Ž' => 'z',
        'ß' => return vec!['s', 's'],
        other => other,
    };
    vec![folded]
}

#[cfg(test)]
mod tests {
    use super::{slugify, unique};

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Backend Developer (Rust)"),
            "backend-developer-rust"
        );
        assert_eq!(
            slugify("  Middle+ Go  Engineer "),
            "middle-plus-go-engineer"
        );
        assert_eq!(slugify("C# / .NET Developer"), "csharp-net-developer");
        assert_eq!(slugify("Ingeniería de Datos"), "ingenieria-de-datos");
        assert_eq!(slugify("!!!"), "");
        assert!(slugify(&"a".repeat(500)).len() <= 81);
    }

    #[test]
    fn unique_slugs_count_up_and_fall_back() {
        let taken = ["rust-developer", "rust-developer-2", "vacancy"];
        let free = |s: &str| Ok::<_, ()>(taken.contains(&s));
        assert_eq!(
            unique("Rust Developer", "vacancy", free),
            Ok("rust-developer-3".into())
        );
        assert_eq!(
            unique("Go Developer", "vacancy", free),
            Ok("go-developer".into())
        );
        assert_eq!(unique("!!!", "vacancy", free), Ok("vacancy-2".into()));
    }
}
