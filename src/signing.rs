//! Signed values for state kept by the browser without a session: a reader's progress and the
//! time a public form was shown. HMAC-SHA256 with a key derived from the cookie key, so every
//! instance sharing `SECRET_KEY` accepts what another one signed.

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct Signer {
    key: Vec<u8>,
}

impl Signer {
    #[allow(clippy::expect_used)] // HMAC accepts keys of any length: this cannot fail.
    pub fn new(secret: &[u8]) -> Signer {
        // A separate key per use: a signature made here can never pass as a session cookie.
        let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes any key length");
        mac.update(b"careers signed values v1");
        Signer {
            key: mac.finalize().into_bytes().to_vec(),
        }
    }

    #[allow(clippy::expect_used)] // HMAC accepts keys of any length: this cannot fail.
    fn mac(&self, purpose: &str, value: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(value.as_bytes());
        mac
    }

    /// `value.signature`; `purpose` keeps a value signed for one use from passing for another.
    pub fn sign(&self, purpose: &str, value: &str) -> String {
        let tag = self.mac(purpose, value).finalize().into_bytes();
        format!("{value}.{}", hex::encode(tag))
    }

    /// The value when the signature is right, compared in constant time.
    pub fn verify<'a>(&self, purpose: &str, signed: &'a str) -> Option<&'a str> {
        let (value, tag) = signed.rsplit_once('.')?;
        let tag = hex::decode(tag).ok()?;
        self.mac(purpose, value).verify_slice(&tag).ok()?;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::Signer;

    #[test]
    fn signs_and_rejects_tampering() {
        let signer = Signer::new(b"0123456789abcdef0123456789abcdef");
        let signed = signer.sign("progress", "1,2,3");
        assert_eq!(signer.verify("progress", &signed), Some("1,2,3"));
        assert_eq!(signer.verify("stamp", &signed), None);
        let forged = signed.replacen("1,2,3", "1,2,4", 1);
        assert_eq!(signer.verify("progress", &forged), None);
        assert_eq!(signer.verify("progress", "no signature"), None);
        let other = Signer::new(b"another key, another instance...");
        assert_eq!(other.verify("progress", &signed), None);
    }
}
