//! Answer language. The knowledge base is in English; visitors who ask for Welsh or Scottish
//! Gaelic are told, in their language, that the full answer follows in English (Welsh Language
//! Standards / Active Offer: acknowledge the preference rather than ignore it).

/// The languages the public agent distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English, and every language we have no notice for.
    English,
    /// Welsh (`cy`).
    Welsh,
    /// Scottish Gaelic (`gd`).
    Gaelic,
}

impl Lang {
    /// From a BCP-47 tag (`cy`, `cy-GB`, `gd`, `en-GB`); anything else is English.
    pub fn from_tag(tag: Option<&str>) -> Lang {
        let primary = tag
            .unwrap_or("en")
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "cy" => Lang::Welsh,
            "gd" => Lang::Gaelic,
            _ => Lang::English,
        }
    }

    /// The opening sentence in the visitor's language, saying the full answer follows in English.
    pub fn notice(self) -> Option<&'static str> {
        match self {
            Lang::English => None,
            Lang::Welsh => Some("Diolch am eich cwestiwn. Mae'r ateb llawn yn dilyn yn Saesneg."),
            Lang::Gaelic => Some("Tapadh leibh airson na ceiste agaibh. Tha an fhreagairt shlàn a' leantainn sa Bheurla."),
        }
    }

    /// BCP-47 tag of the language requested (the `language` field reports the answer's body
    /// language, which is English in every case; see `crate::inquiry`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Welsh => "cy",
            Lang::Gaelic => "gd",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_notices() {
        assert_eq!(Lang::from_tag(Some("cy-GB")), Lang::Welsh);
        assert_eq!(Lang::from_tag(Some("GD")), Lang::Gaelic);
        assert_eq!(Lang::from_tag(Some("fr")), Lang::English);
        assert_eq!(Lang::from_tag(None), Lang::English);
        assert!(Lang::Welsh.notice().unwrap().contains("Saesneg"));
        assert!(Lang::Gaelic.notice().unwrap().contains("Bheurla"));
        assert!(Lang::English.notice().is_none());
    }
}
