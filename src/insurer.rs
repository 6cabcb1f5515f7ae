//! Health insurers (zorgverzekeraars): the labels people see and the concerns that own them.
//!
//! A RESV's lump sum is paid per concern by default (a concern contracts for all its labels),
//! or per label when asked. The registry below maps the labels in use to their concern; a
//! scenario's `insurers` list overrides or extends it, and a market table's `concern` column
//! overrides it per label.
//!
//! Source and date of the registry: the ten concerns and their 2022 market shares are those of
//! the NZa's market overview (staatvenz.nl kerncijfer on Vektis data, `data/README.md`); the
//! labels are those the concerns offered under their own licence for 2026, as listed on their
//! own sites, compiled November 2026. Labels change every 1 January (Eno trades as Salland
//! since 2024): check the list each autumn and override it in a scenario until then.

/// One concern and its labels.
pub struct Concern {
    /// The concern's name, as reports show it and as `allocateBy: "concern"` pays it.
    pub name: &'static str,
    /// Other spellings of the concern's name (matched like labels).
    pub aliases: &'static [&'static str],
    /// Its labels (merken) in use.
    pub labels: &'static [&'static str],
}

/// The registry: every concern offering basic health insurance (basisverzekering) in 2026.
pub const REGISTRY: &[Concern] = &[
    Concern {
        name: "Achmea",
        aliases: &[],
        labels: &[
            "Zilveren Kruis",
            "FBTO",
            "Interpolis",
            "De Friesland",
            "Pro Life",
            "Avéro Achmea",
        ],
    },
    Concern {
        name: "VGZ",
        aliases: &["Coöperatie VGZ"],
        labels: &["VGZ", "Univé", "IZA", "IZZ", "UMC", "Zekur", "Bewuzt"],
    },
    Concern {
        name: "CZ",
        aliases: &["CZ groep"],
        labels: &["CZ", "CZdirect", "OHRA", "Nationale-Nederlanden"],
    },
    Concern {
        name: "Menzis",
        aliases: &[],
        labels: &["Menzis", "Anderzorg"],
    },
    Concern {
        name: "DSW",
        aliases: &["DSW Zorgverzekeraar"],
        labels: &["DSW", "inTwente", "Stad Holland"],
    },
    Concern {
        name: "a.s.r.",
        aliases: &["ASR", "a.s.r. Nederland"],
        labels: &["a.s.r. Basis Ziektekosten", "De Amersfoortse", "Ditzo"],
    },
    Concern {
        name: "Zorg en Zekerheid",
        aliases: &["Z&Z"],
        labels: &["AZVZ"],
    },
    Concern {
        name: "ONVZ",
        aliases: &[],
        labels: &["VvAA", "PNOzorg", "Jaaah"],
    },
    Concern {
        name: "Salland",
        aliases: &["Eno", "Salland/Eno", "Salland (voorheen Eno)"],
        labels: &["Salland Zorgverzekeringen", "HollandZorg", "ZorgDirect"],
    },
    Concern {
        name: "EUCARE",
        aliases: &[],
        labels: &["Aevitae", "Caresq"],
    },
];

/// The key names are matched by: lower case letters and digits only, accents dropped
/// (`a.s.r.` = `ASR`, `Univé` = `unive`, `Zorg en Zekerheid` = `zorgenzekerheid`).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn match_key(name: &str) -> String {
    // Latin letters only (no Unicode case tables in the Wasm module): names are Dutch.
    name.chars()
        .filter_map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9') => Some(c),
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => Some('a'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => Some('i'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => Some('u'),
            _ => None,
        })
        .collect()
}

/// The registry concern of a label or concern name, if any.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn concern_of(name: &str) -> Option<&'static Concern> {
    let key = match_key(name);
    if key.is_empty() {
        return None;
    }
    REGISTRY.iter().find(|c| {
        match_key(c.name) == key
            || c.aliases.iter().any(|a| match_key(a) == key)
            || c.labels.iter().any(|l| match_key(l) == key)
    })
}

/// The registry concern with exactly this name or alias (not a label).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn concern_named(name: &str) -> Option<&'static Concern> {
    let key = match_key(name);
    REGISTRY
        .iter()
        .find(|c| match_key(c.name) == key || c.aliases.iter().any(|a| match_key(a) == key))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn finds_the_concern_of_the_labels_people_know() {
        for (label, concern) in [
            ("Zilveren Kruis", "Achmea"),
            ("zilveren kruis", "Achmea"),
            ("FBTO", "Achmea"),
            ("Univé", "VGZ"),
            ("Unive", "VGZ"),
            ("OHRA", "CZ"),
            ("Anderzorg", "Menzis"),
            ("ASR", "a.s.r."),
            ("Eno", "Salland"),
            ("Zorg en Zekerheid", "Zorg en Zekerheid"),
            ("EUCARE", "EUCARE"),
        ] {
            assert_eq!(concern_of(label).unwrap().name, concern, "{label}");
        }
        assert!(concern_of("Onbekende Verzekeraar").is_none());
        assert!(concern_of("...").is_none());
    }

    #[test]
    fn has_no_label_under_two_concerns() {
        let mut keys = std::collections::HashMap::new();
        for c in REGISTRY {
            for n in c.labels.iter().chain(c.aliases).chain([&c.name]) {
                let before = keys.insert(match_key(n), c.name);
                assert!(before.is_none_or(|b| b == c.name), "{n}");
            }
        }
    }
}
