//! The catalogue: every Dutch and English text of every problem and warning, in one place.
//!
//! Problems and warnings carry typed facts; only this module turns them into words, so a
//! message can be reworded (or a language added) without touching the code that found it.

use super::{Expected, Problem, Warning};

/// A message language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Dutch, the default of the product.
    Nl,
    /// English.
    En,
}

impl Expected {
    pub(super) fn nl(self) -> &'static str {
        match self {
            Expected::Text => "een tekst",
            Expected::Number => "een getal (tekst of number)",
            Expected::List => "een lijst",
            Expected::Object => "een object",
            Expected::Boolean => "true of false",
        }
    }
    pub(super) fn en(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::Number => "a number (string or number)",
            Expected::List => "a list",
            Expected::Object => "an object",
            Expected::Boolean => "true or false",
        }
    }
}

impl Problem {
    /// The message in the given language: the one catalogue of user-facing texts.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Nl};
        match (self, lang) {
            (Problem::Missing, Nl) => "ontbreekt".into(),
            (Problem::Missing, En) => "is missing".into(),
            (Problem::WrongType { expected, found }, Nl) => {
                format!("moet {} zijn, maar is {}", expected.nl(), found)
            }
            (Problem::WrongType { expected, found }, En) => {
                format!("must be {}, but is {}", expected.en(), found)
            }
            (Problem::NumberEmpty, Nl) => "is leeg; verwacht een getal zoals \"1250.00\"".into(),
            (Problem::NumberEmpty, En) => "is empty; expected a number such as \"1250.00\"".into(),
            (Problem::NumberHasWhitespace, Nl) => "bevat spaties voor of na het getal".into(),
            (Problem::NumberHasWhitespace, En) => "has spaces before or after the number".into(),
            (Problem::NumberHasExponent, Nl) => {
                "gebruikt een exponent (zoals 1e3); schrijf het getal voluit".into()
            }
            (Problem::NumberHasExponent, En) => {
                "uses an exponent (such as 1e3); write the number out in full".into()
            }
            (Problem::NumberHasUnderscore, Nl) => "bevat een liggend streepje (_)".into(),
            (Problem::NumberHasUnderscore, En) => "contains an underscore (_)".into(),
            (Problem::NumberHasComma, Nl) => {
                "bevat een komma; gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen (\"1000.00\", niet \"1.000,00\")".into()
            }
            (Problem::NumberHasComma, En) => {
                "contains a comma; use a point as decimal separator and no thousands separators (\"1000.00\", not \"1.000,00\")".into()
            }
            (Problem::NumberNotFinite, Nl) => "is geen eindig getal (NaN of oneindig)".into(),
            (Problem::NumberNotFinite, En) => "is not a finite number (NaN or infinite)".into(),
            (Problem::NumberTooManyDigits, Nl) => {
                "heeft meer dan 28 cijfers en kan niet exact worden bewaard".into()
            }
            (Problem::NumberTooManyDigits, En) => {
                "has more than 28 digits and cannot be held exactly".into()
            }
            (Problem::NumberMalformed, Nl) => {
                "is geen decimaal getal; verwacht bijvoorbeeld \"1250.00\" of \"-12.5\"".into()
            }
            (Problem::NumberMalformed, En) => {
                "is not a decimal number; expected for example \"1250.00\" or \"-12.5\"".into()
            }
            (Problem::AmountTooLarge { max }, Nl) => {
                format!("is te groot; het grootste toegestane bedrag is {max}")
            }
            (Problem::AmountTooLarge { max }, En) => {
                format!("is too large; the largest supported amount is {max}")
            }
            (Problem::NotWholeMinorUnits { minor_unit }, Nl) => {
                format!("is geen geheel aantal eenheden van {minor_unit}")
            }
            (Problem::NotWholeMinorUnits { minor_unit }, En) => {
                format!("is not a whole number of units of {minor_unit}")
            }
            (Problem::MinorUnitNotPositive, Nl) => "moet groter dan nul zijn".into(),
            (Problem::MinorUnitNotPositive, En) => "must be greater than zero".into(),
            (Problem::NoParties, Nl) => "is leeg; geef ten minste één partij".into(),
            (Problem::NoParties, En) => "is empty; give at least one party".into(),
            (Problem::DuplicateId { id, first }, Nl) => {
                format!("id \"{id}\" komt al voor bij {first}")
            }
            (Problem::DuplicateId { id, first }, En) => {
                format!("id \"{id}\" already occurs at {first}")
            }
            (Problem::EmptyId, Nl) => "mag niet leeg zijn".into(),
            (Problem::EmptyId, En) => "must not be empty".into(),
            (Problem::NegativeWeight, Nl) => "mag niet negatief zijn".into(),
            (Problem::NegativeWeight, En) => "must not be negative".into(),
            (Problem::AllWeightsZero, Nl) => {
                "alle gewichten zijn nul; er is niets om naar te verdelen".into()
            }
            (Problem::AllWeightsZero, En) => {
                "every weight is zero; there is nothing to split by".into()
            }
            (Problem::UnknownOption { name }, Nl) => format!("onbekende optie \"{name}\""),
            (Problem::UnknownOption { name }, En) => format!("unknown option \"{name}\""),
            (Problem::TooManyItems { max }, Nl) => {
                format!("bevat meer dan {max} elementen, het maximum")
            }
            (Problem::TooManyItems { max }, En) => {
                format!("has more than {max} elements, the maximum")
            }
            (Problem::TooDeeplyNested { max }, Nl) => {
                format!("is dieper genest dan {max} niveaus")
            }
            (Problem::TooDeeplyNested { max }, En) => {
                format!("is nested deeper than {max} levels")
            }
            (Problem::WeightsTooPrecise, Nl) => {
                "de gewichten beslaan samen te veel cijfers voor een exacte verdeling; rond ze af".into()
            }
            (Problem::WeightsTooPrecise, En) => {
                "the weights together span too many digits for an exact split; round them".into()
            }
            (Problem::Unreadable, Nl) => {
                "bevat iets dat geen gegevens zijn (een functie, een symbool of iets dergelijks)".into()
            }
            (Problem::Unreadable, En) => {
                "holds something that is not data (a function, a symbol or the like)".into()
            }
            (Problem::FileEmpty, Nl) => "het bestand is leeg".into(),
            (Problem::FileEmpty, En) => "the file is empty".into(),
            (Problem::FileTooLarge { max }, Nl) => {
                format!("het bestand is groter dan {max} bytes, het maximum")
            }
            (Problem::FileTooLarge { max }, En) => {
                format!("the file is larger than {max} bytes, the maximum")
            }
            (Problem::FileIsSpreadsheet, Nl) => {
                "dit is een Excel-werkmap, geen CSV; sla het blad op als CSV (puntkomma-gescheiden) of gebruik de XLSX-import".into()
            }
            (Problem::FileIsSpreadsheet, En) => {
                "this is an Excel workbook, not a CSV; save the sheet as CSV (semicolon separated) or use the XLSX import".into()
            }
            (Problem::FileIsBinary, Nl) => "het bestand bevat binaire gegevens, geen tekst".into(),
            (Problem::FileIsBinary, En) => "the file holds binary data, not text".into(),
            (Problem::MissingColumn { column, header }, Nl) => {
                format!("kolom \"{column}\" ontbreekt in de kopregel \"{header}\"")
            }
            (Problem::MissingColumn { column, header }, En) => {
                format!("column \"{column}\" is missing from the header line \"{header}\"")
            }
            (Problem::DuplicateColumn { column }, Nl) => {
                format!("kolom \"{column}\" komt twee keer voor in de kopregel")
            }
            (Problem::DuplicateColumn { column }, En) => {
                format!("column \"{column}\" occurs twice in the header line")
            }
            (Problem::FieldCount { expected, found }, Nl) => {
                format!("heeft {found} velden, de kopregel {expected}")
            }
            (Problem::FieldCount { expected, found }, En) => {
                format!("has {found} fields, the header line {expected}")
            }
            (Problem::UnclosedQuote, Nl) => "een aanhalingsteken wordt nergens gesloten".into(),
            (Problem::UnclosedQuote, En) => "a quotation mark is never closed".into(),
            (Problem::PostcodeMalformed { found }, Nl) => {
                format!("\"{found}\" is geen postcode; verwacht bijvoorbeeld 1011 of 1011AB")
            }
            (Problem::PostcodeMalformed { found }, En) => {
                format!("\"{found}\" is not a postcode; expected for example 1011 or 1011AB")
            }
            (Problem::CountNegative, Nl) => "een aantal mag niet negatief zijn".into(),
            (Problem::CountNegative, En) => "a count must not be negative".into(),
            (Problem::CountFractional, Nl) => {
                "een aantal moet een geheel getal zijn (personen), zonder decimalen".into()
            }
            (Problem::CountFractional, En) => {
                "a count must be a whole number (persons), without decimals".into()
            }
            (Problem::CountMalformed { found }, Nl) => {
                format!("\"{found}\" is geen aantal; verwacht bijvoorbeeld 12345 of 12.345")
            }
            (Problem::CountMalformed { found }, En) => {
                format!("\"{found}\" is not a count; expected for example 12345 or 12.345")
            }
            (Problem::CountTooLarge { max }, Nl) => format!("is groter dan {max}, het maximum"),
            (Problem::CountTooLarge { max }, En) => format!("is larger than {max}, the maximum"),
            (Problem::FractionOutOfRange, Nl) => {
                "een fractie moet tussen 0 en 1 liggen (0,25 is een kwart)".into()
            }
            (Problem::FractionOutOfRange, En) => {
                "a fraction must lie between 0 and 1 (0.25 is a quarter)".into()
            }
            (Problem::FractionTooPrecise { max }, Nl) => {
                format!("een fractie heeft ten hoogste {max} decimalen")
            }
            (Problem::FractionTooPrecise { max }, En) => {
                format!("a fraction has at most {max} decimals")
            }
            (Problem::TextTooLong { max }, Nl) => format!("is langer dan {max} tekens"),
            (Problem::TextTooLong { max }, En) => format!("is longer than {max} characters"),
            (Problem::TooManyInsurers { max }, Nl) => {
                format!("meer dan {max} verschillende verzekeraars")
            }
            (Problem::TooManyInsurers { max }, En) => {
                format!("more than {max} different insurers")
            }
            (Problem::TooManyRows { max }, Nl) => format!("meer dan {max} rijen, het maximum"),
            (Problem::TooManyRows { max }, En) => format!("more than {max} rows, the maximum"),
            (Problem::TooManyProblems { listed }, Nl) => {
                format!("na {listed} problemen is het lezen gestopt; de rest van het bestand is niet gecontroleerd")
            }
            (Problem::TooManyProblems { listed }, En) => {
                format!("reading stopped after {listed} problems; the rest of the file was not checked")
            }
            (Problem::ConflictingConcern { label, first }, Nl) => {
                format!("verzekeraar \"{label}\" hoorde eerder bij concern \"{first}\"")
            }
            (Problem::ConflictingConcern { label, first }, En) => {
                format!("insurer \"{label}\" was given concern \"{first}\" before")
            }
            (Problem::UnknownInsurer { label }, Nl) => {
                format!("van verzekeraar \"{label}\" is het concern onbekend; geef het op in insurers of verdeel per verzekeraar")
            }
            (Problem::UnknownInsurer { label }, En) => {
                format!("the concern of insurer \"{label}\" is unknown; give it in insurers or allocate by insurer")
            }
            (Problem::EmptyWorkArea, Nl) => "het werkgebied bevat geen postcodes".into(),
            (Problem::EmptyWorkArea, En) => "the work area lists no postcodes".into(),
            (Problem::ReversedRange, Nl) => {
                "het bereik loopt achteruit; schrijf het laagste nummer eerst (1011-1019)".into()
            }
            (Problem::ReversedRange, En) => {
                "the range runs backwards; put the lower number first (1011-1019)".into()
            }
            (Problem::OverlappingArea { other }, Nl) => {
                format!("overlapt met {other} met een andere fractie")
            }
            (Problem::OverlappingArea { other }, En) => {
                format!("overlaps {other} with a different fraction")
            }
            (Problem::NoInsuredInArea, Nl) => {
                "er zijn geen verzekerden in het werkgebied; er is niets om naar te verdelen".into()
            }
            (Problem::NoInsuredInArea, En) => {
                "nobody is insured in the work area; there is nothing to split by".into()
            }
            (Problem::UnknownValue { allowed }, Nl) => format!("moet een van {allowed} zijn"),
            (Problem::UnknownValue { allowed }, En) => format!("must be one of {allowed}"),
            (Problem::NegativeAmount, Nl) => "mag niet negatief zijn".into(),
            (Problem::NegativeAmount, En) => "must not be negative".into(),
            (Problem::PercentOutOfRange, Nl) => "moet tussen 0 en 100 liggen".into(),
            (Problem::PercentOutOfRange, En) => "must lie between 0 and 100".into(),
            (Problem::NoMainTask, Nl) => "noem ten minste één RESV-hoofdtaak (1 tot en met 5)".into(),
            (Problem::NoMainTask, En) => "name at least one RESV main task (1 to 5)".into(),
            (Problem::MainTaskOutOfRange, Nl) => {
                "een hoofdtaak is een geheel getal van 1 tot en met 5".into()
            }
            (Problem::MainTaskOutOfRange, En) => "a main task is a whole number from 1 to 5".into(),
            (Problem::OwnTasksOutsideTask4, Nl) => {
                "de eigen taken van het wijkverband tellen onder hoofdtaak 4, die deze regel niet noemt".into()
            }
            (Problem::OwnTasksOutsideTask4, En) => {
                "the neighbourhood team's own tasks count under main task 4, which this line does not name".into()
            }
            (Problem::FundingAboveAmount, Nl) => {
                "de bestaande financiering is hoger dan het bedrag van de regel".into()
            }
            (Problem::FundingAboveAmount, En) => {
                "the existing funding is higher than the line's amount".into()
            }
            (Problem::PercentagesNotHundred { sum }, Nl) => {
                format!("de percentages tellen op tot {sum}, niet tot 100")
            }
            (Problem::PercentagesNotHundred { sum }, En) => {
                format!("the percentages add up to {sum}, not to 100")
            }
            (Problem::AreaOutsideWorkArea, Nl) => {
                "dit gebied valt (deels) buiten het werkgebied".into()
            }
            (Problem::AreaOutsideWorkArea, En) => {
                "this area lies (partly) outside the work area".into()
            }
            (Problem::NoMunicipality, Nl) => {
                "er is geen gemeente met inwoners in het gebied van deze regel om het gemeentelijke deel te dragen; geef municipalities op".into()
            }
            (Problem::NoMunicipality, En) => {
                "no municipality with residents in this line's area can carry the municipal part; give municipalities".into()
            }
            (Problem::NoAgreement, Nl) => {
                "zonder schriftelijke overeenkomst met de zorgverzekeraars kan het RESV geen onderlinge dienstverlening inkopen (beleidsregel artikel 4)".into()
            }
            (Problem::NoAgreement, En) => {
                "without the written agreement with the insurers the RESV cannot commission onderlinge dienstverlening (policy rule article 4)".into()
            }
            (Problem::SubcontractChain, Nl) => {
                "alleen het RESV als hoofdaannemer besteedt uit; een uitvoerende zorgaanbieder kan niet verder uitbesteden onder deze prestatie".into()
            }
            (Problem::SubcontractChain, En) => {
                "only the RESV as hoofdaannemer commissions; an executing provider cannot commission further under this prestatie".into()
            }
            (Problem::UnknownLine { id }, Nl) => format!("er is geen begrotingsregel \"{id}\""),
            (Problem::UnknownLine { id }, En) => format!("there is no budget line \"{id}\""),
            (Problem::TaskOutsideLines { task }, Nl) => {
                format!("hoofdtaak {task} komt in geen van de gedekte regels voor")
            }
            (Problem::TaskOutsideLines { task }, En) => {
                format!("main task {task} is in none of the lines covered")
            }
            (Problem::SubcontractAboveLines { available }, Nl) => {
                format!("is hoger dan het Zvw-deel van wat deze uitbesteding dekt ({available})")
            }
            (Problem::SubcontractAboveLines { available }, En) => {
                format!("is higher than the Zvw part of what this subcontract covers ({available})")
            }
            (Problem::SubcontractsAboveLines { available }, Nl) => {
                format!("samen met andere uitbestedingen hoger dan het Zvw-deel van wat zij dekken ({available})")
            }
            (Problem::SubcontractsAboveLines { available }, En) => {
                format!("together with other subcontracts higher than the Zvw part of what they cover ({available})")
            }
            (Problem::NotPositive, Nl) => "moet groter dan nul zijn".into(),
            (Problem::NotPositive, En) => "must be greater than zero".into(),
            (Problem::ExclusiveWith { other }, Nl) => {
                format!("kan niet samen met {other} worden gegeven; kies een van beide")
            }
            (Problem::ExclusiveWith { other }, En) => {
                format!("cannot be given together with {other}; choose one")
            }
            (Problem::TableFreed, Nl) => {
                "deze marktgegevens zijn vrijgegeven (free()); lees ze opnieuw in".into()
            }
            (Problem::TableFreed, En) => {
                "this market table was freed (free()); read it again".into()
            }
            (Problem::Pc6NeedsPopulation, Nl) => {
                "een schatting met de ingebouwde CBS-bevolking kent alleen PC4-gebieden; geef bevolking per PC6 op".into()
            }
            (Problem::Pc6NeedsPopulation, En) => {
                "an estimate on the built-in CBS population knows PC4 areas only; give population per PC6".into()
            }
        }
    }
}

impl Warning {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Nl};
        match (self, lang) {
            (Warning::DuplicateRows { count, example }, Nl) => format!(
                "{count} rijen hadden dezelfde postcode en verzekeraar als een eerdere rij en zijn opgeteld (eerste: {example})"
            ),
            (Warning::DuplicateRows { count, example }, En) => format!(
                "{count} rows had the same postcode and insurer as an earlier row and were added up (first: {example})"
            ),
            (Warning::IgnoredColumns { names }, Nl) => {
                format!("kolommen die niet worden gebruikt: {names}")
            }
            (Warning::IgnoredColumns { names }, En) => format!("columns not used: {names}"),
            (Warning::MixedPostcodeLevels { count, example }, Nl) => format!(
                "{count} PC4-gebieden hebben zowel een PC4-rij als PC6-rijen; beide tellen mee (eerste: {example})"
            ),
            (Warning::MixedPostcodeLevels { count, example }, En) => format!(
                "{count} PC4 areas have both a PC4 row and PC6 rows; both count (first: {example})"
            ),
            (Warning::RowsOutsideArea { count }, Nl) => {
                format!("{count} rijen vallen buiten het werkgebied en tellen niet mee")
            }
            (Warning::RowsOutsideArea { count }, En) => {
                format!("{count} rows lie outside the work area and do not count")
            }
            (Warning::PostcodesWithoutData { count, examples }, Nl) => format!(
                "{count} postcodes van het werkgebied hebben geen marktgegevens: {examples}"
            ),
            (Warning::PostcodesWithoutData { count, examples }, En) => format!(
                "{count} work-area postcodes have no market data: {examples}"
            ),
            (Warning::ConcernsUnknown { labels }, Nl) => format!(
                "verdeeld per verzekeraar, want van deze verzekeraars is het concern onbekend: {labels}"
            ),
            (Warning::ConcernsUnknown { labels }, En) => format!(
                "allocated per insurer, because the concern of these insurers is unknown: {labels}"
            ),
            (Warning::CoAssessmentLikely { party, percent, threshold }, Nl) => format!(
                "{party} heeft {percent}% van de verzekerden (drempel {threshold}%): medebeoordeling van het plan ligt voor de hand"
            ),
            (Warning::CoAssessmentLikely { party, percent, threshold }, En) => format!(
                "{party} has {percent}% of the insured persons (threshold {threshold}%): co-assessment of the plan is likely"
            ),
            (Warning::Estimated { source }, Nl) => format!(
                "schatting: marktaandelen per concern ({source}) toegepast op de bevolking per postcode (Bron: CBS), geen echte verzekerdenaantallen"
            ),
            (Warning::Estimated { source }, En) => format!(
                "estimate: market shares per concern ({source}) applied to population per postcode (source: CBS), not actual insured persons"
            ),
            (Warning::DuplicateAreaEntry { other }, Nl) => {
                format!("staat al in het werkgebied ({other}) en telt één keer")
            }
            (Warning::DuplicateAreaEntry { other }, En) => {
                format!("is already in the work area ({other}) and counts once")
            }
            (Warning::Illustrative, Nl) => {
                "illustratieve verzekerdenaantallen, afgeleid van landelijke marktaandelen; geen echte gegevens".into()
            }
            (Warning::Illustrative, En) => {
                "illustrative insured persons, derived from national market shares; not real data".into()
            }
            (Warning::PossiblyFundedElsewhere { line, funding }, Nl) => format!(
                "regel {line} is monodisciplinair voor een discipline die al {funding} ontvangt; trek die financiering af of licht toe waarom dit aanvullend is"
            ),
            (Warning::PossiblyFundedElsewhere { line, funding }, En) => format!(
                "line {line} is monodisciplinary for a discipline already paid through {funding}; deduct that funding or explain why this is additional"
            ),
            (Warning::YearOutsideExperiment { year }, Nl) => format!(
                "{year} valt buiten het experiment (2027 tot en met 2031; het eindigt op 1 januari 2032)"
            ),
            (Warning::YearOutsideExperiment { year }, En) => format!(
                "{year} lies outside the experiment (2027 to 2031; it ends on 1 January 2032)"
            ),
            (Warning::ContractDiffers { contracted, budget, difference }, Nl) => format!(
                "de gecontracteerde lumpsum ({contracted}) wijkt af van het Zvw-deel van de begroting ({budget}): verschil {difference}"
            ),
            (Warning::ContractDiffers { contracted, budget, difference }, En) => format!(
                "the contracted lump sum ({contracted}) differs from the budget's Zvw part ({budget}): difference {difference}"
            ),
            (Warning::PostcodesWithoutMunicipality { insured }, Nl) => format!(
                "{insured} verzekerden in het werkgebied wonen in postcodes zonder gemeente; zij tellen niet mee in de gemeentelijke verdeling"
            ),
            (Warning::PostcodesWithoutMunicipality { insured }, En) => format!(
                "{insured} insured persons in the work area live in postcodes without a municipality; they do not count in the municipal split"
            ),
        }
    }
}
