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
    use super::slugify;

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
}
