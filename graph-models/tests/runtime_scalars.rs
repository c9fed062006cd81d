//! Every scalar form parses and writes back the same text (`FromStr`/`Display` and JSON), the
//! conversions to `time`/std types, and rejected forms.

use std::fmt::Display;
use std::str::FromStr;

use graph_models::runtime::{Base64, Date, DateTimeOffset, Decimal, Double, Duration, TimeOfDay};
use time::macros::{date, datetime, time};

/// Parses each text, writes it back, and does the same through JSON strings.
fn assert_exact<T>(texts: &[&str])
where
    T: FromStr + Display + serde::Serialize + serde::de::DeserializeOwned,
    T::Err: std::fmt::Debug,
{
    for text in texts {
        let value: T = text.parse().unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(value.to_string(), *text, "Display of {text}");
        let json = serde_json::to_string(text).unwrap_or_default();
        let decoded: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(serde_json::to_string(&decoded).ok().as_ref(), Some(&json), "JSON of {text}");
    }
}

fn assert_rejected<T: FromStr + serde::de::DeserializeOwned>(texts: &[&str]) {
    for text in texts {
        assert!(text.parse::<T>().is_err(), "{text:?} should be rejected");
        let json = serde_json::to_string(text).unwrap_or_default();
        assert!(serde_json::from_str::<T>(&json).is_err(), "{json} should be rejected");
    }
}

#[test]
fn date_time_offset_forms_round_trip() {
    assert_exact::<DateTimeOffset>(&[
        "2021-03-04T05:06:07.1234567Z",
        "2021-03-04T05:06:07Z",
        "2021-03-04T05:06:07.5Z",
        "2021-03-04T05:06:07.000000000Z",
        "2021-03-04T05:06:07.0000000Z",
        "2021-03-04T05:06Z",
        "2014-01-01T00:00:00+03:00",
        "2014-01-01T00:00:00.1234567-05:30",
        "2014-01-01T00:00:00+00:00",
        "2014-01-01T00:00:00-00:00",
        "2017-05-30T00:00:00",
        "2017-05-30T13:45:10.12",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.9999999Z",
        "2024-02-29T12:00:00Z",
    ]);
    assert_rejected::<DateTimeOffset>(&[
        "",
        "yesterday",
        "2021-03-04",
        "2021-03-04 05:06:07Z",
        "2021-03-04T05:06:07z",
        "2021-13-04T05:06:07Z",
        "2023-02-29T00:00:00Z",
        "2021-03-04T24:00:00Z",
        "2021-03-04T05:06:07.Z",
        "2021-03-04T05:06:07.1234567890Z",
        "2021-03-04T05:06:07+0300",
        "2021-03-04T05:06:07+25:00",
        "2021-03-04T05:06:07Zjunk",
        "２０２１-03-04T05:06:07Z",
        "2021-03-04T05:06:07é",
    ]);
}

#[test]
fn date_time_offset_conversions() {
    let value: DateTimeOffset = "2014-01-01T10:00:00+03:00".parse().expect("valid");
    assert_eq!(value.get(), datetime!(2014-01-01 10:00:00 +03:00));
    assert_eq!(value.get(), datetime!(2014-01-01 07:00:00 UTC));
    let missing: DateTimeOffset = "2017-05-30T00:00:00".parse().expect("valid");
    assert!(missing.offset_missing());
    assert_eq!(missing.get(), datetime!(2017-05-30 00:00:00 UTC));
    let built = DateTimeOffset::from(datetime!(2021-03-04 05:06:07.5 UTC));
    assert_eq!(built.to_string(), "2021-03-04T05:06:07.5000000Z");
    let offset = DateTimeOffset::from(datetime!(2021-03-04 05:06:07.000000001 -02:30));
    assert_eq!(offset.to_string(), "2021-03-04T05:06:07.000000001-02:30");
    let system: std::time::SystemTime = built.into();
    assert_eq!(time::OffsetDateTime::from(system), datetime!(2021-03-04 05:06:07.5 UTC));
}

#[test]
fn date_and_time_of_day_round_trip() {
    assert_exact::<Date>(&["2021-03-04", "0001-01-01", "9999-12-31", "2024-02-29"]);
    assert_rejected::<Date>(&["", "2021-3-4", "2021-03-04T00:00:00Z", "21-03-04", "2023-02-29", "2021/03/04"]);
    assert_eq!(Date::from(date!(2021 - 03 - 04)).to_string(), "2021-03-04");
    assert_eq!("2021-03-04".parse::<Date>().map(time::Date::from), Ok(date!(2021 - 03 - 04)));

    assert_exact::<TimeOfDay>(&["08:00:00", "08:00:00.0000000", "23:59:59.9999999", "12:30", "00:00:00.5"]);
    assert_rejected::<TimeOfDay>(&["", "8:00:00", "24:00:00", "08:60:00", "08:00:00.", "08:00:00Z", "08"]);
    assert_eq!(TimeOfDay::from(time!(08:30)).to_string(), "08:30:00.0000000");
    assert_eq!("08:30:15".parse::<TimeOfDay>().map(time::Time::from), Ok(time!(08:30:15)));
}

#[test]
fn duration_forms_round_trip() {
    assert_exact::<Duration>(&[
        "P365D",
        "-PT15M",
        "P1W",
        "PT1H30M",
        "P1DT2H",
        "PT0.5S",
        "P1Y2M3DT4H5M6.789S",
        "P1M",
        "PT0S",
        "P0D",
        "PT05M",
        "-P1DT0.000000001S",
        "PT36H",
    ]);
    assert_rejected::<Duration>(&[
        "",
        "P",
        "PT",
        "-P",
        "P1",
        "1D",
        "P1H",
        "PT1D",
        "P1D2Y",
        "P1DT",
        "PT1.5H",
        "PT0.S",
        "pt1h",
        "P1DT2H3H",
        "PT1M1H",
        "P99999999999999999999D",
        " PT1H",
        "PT1H ",
        "P1,5D",
    ]);
}

#[test]
fn duration_components_and_conversions() {
    let cases: [(&str, Option<std::time::Duration>, Option<time::Duration>); 8] = [
        ("P365D", Some(std::time::Duration::from_secs(365 * 86_400)), Some(time::Duration::days(365))),
        ("-PT15M", None, Some(time::Duration::minutes(-15))),
        ("P1W", Some(std::time::Duration::from_secs(7 * 86_400)), Some(time::Duration::weeks(1))),
        ("PT1H30M", Some(std::time::Duration::from_secs(5400)), Some(time::Duration::minutes(90))),
        ("P1DT2H", Some(std::time::Duration::from_secs(26 * 3600)), Some(time::Duration::hours(26))),
        ("PT0.5S", Some(std::time::Duration::from_millis(500)), Some(time::Duration::milliseconds(500))),
        ("P1Y", None, None),
        ("-PT0S", Some(std::time::Duration::ZERO), Some(time::Duration::ZERO)),
    ];
    for (text, std, time) in cases {
        let value: Duration = text.parse().expect(text);
        assert_eq!(value.to_std(), std, "to_std of {text}");
        assert_eq!(value.to_time(), time, "to_time of {text}");
    }
    let full: Duration = "-P1Y2M3W4DT5H6M7.25S".parse().expect("valid");
    assert_eq!((full.is_negative(), full.years(), full.months(), full.weeks(), full.days()), (true, 1, 2, 3, 4));
    assert_eq!((full.hours(), full.minutes(), full.seconds(), full.subsec_nanos()), (5, 6, 7, 250_000_000));

    let built: [(Duration, &str); 5] = [
        (std::time::Duration::from_secs(0).into(), "PT0S"),
        (std::time::Duration::from_secs(86_400 * 2 + 3600).into(), "P2DT1H"),
        (std::time::Duration::from_secs(86_400).into(), "P1D"),
        (std::time::Duration::from_millis(1500).into(), "PT1.5S"),
        (time::Duration::minutes(-15).into(), "-PT15M"),
    ];
    for (value, text) in built {
        assert_eq!(value.to_string(), text);
        assert_eq!(value.as_str().parse::<Duration>().ok(), Some(value.clone()), "{text} parses back");
    }
}

#[test]
fn double_forms_round_trip() {
    // JSON text in, same JSON text out.
    let json_cases = [
        "1",
        "-3",
        "0",
        "1.5",
        "-0.25",
        "1e+300",
        "3.0",
        "\"NaN\"",
        "\"INF\"",
        "\"-INF\"",
        "\"1.5\"",
        "\"42\"",
        "9007199254740992",
    ];
    for text in json_cases {
        let value: Double = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(text), "JSON of {text}");
    }
    for text in ["NaN", "INF", "-INF", "1", "-3", "1.5", "1e300", "0.1"] {
        let value: Double = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(value.to_string(), text, "Display of {text}");
    }
    assert_rejected::<Double>(&["", "nan", "inf", "Infinity", "one", "1,5"]);
    assert!("NaN".parse::<Double>().is_ok_and(|d| d.get().is_nan()));
    assert_eq!("-INF".parse::<Double>().map(f64::from), Ok(f64::NEG_INFINITY));
    assert_eq!(serde_json::to_string(&Double::new(f64::INFINITY)).ok().as_deref(), Some("\"INF\""));
    assert_eq!(serde_json::to_string(&Double::new(2.0)).ok().as_deref(), Some("2.0"));
    assert_eq!(Double::new(f64::NAN), Double::new(f64::NAN), "bitwise equality");
}

#[test]
fn decimal_keeps_its_text() {
    assert_exact::<Decimal>(&["0", "-12.3400", "123456789012345678901234567890.000000001", "1e-5", "1.5E+10"]);
    assert_rejected::<Decimal>(&["", "-", ".5", "5.", "1e", "NaN", "1_000", "+1", "0x10"]);
    for text in ["12", "-7", "12.5", "18446744073709551615"] {
        let value: Decimal = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(text), "JSON number {text}");
        assert!(!value.is_quoted());
    }
    let quoted: Decimal = serde_json::from_str("\"12.3400\"").expect("valid");
    assert_eq!(quoted.as_str(), "12.3400");
    assert_eq!(quoted.to_f64(), 12.34);
}

#[test]
fn base64_round_trips_exactly() {
    assert_exact::<Base64>(&["", "AA==", "AAE=", "AAEC", "aGVsbG8gd29ybGQ=", "+/8=", "-_8=", "+/8", "-_8"]);
    assert_rejected::<Base64>(&["A", "AB=", "AAE=\n", "AA==AA==", "A B=", "AAF=", "é"]);
    let value: Base64 = "aGVsbG8=".parse().expect("valid");
    assert_eq!(value.as_bytes(), b"hello");
    assert_eq!(Base64::from(b"hello".to_vec()).to_string(), "aGVsbG8=");
}

#[test]
fn uuid_is_reexported_with_serde() {
    let id: graph_models::runtime::Uuid =
        serde_json::from_str("\"02bd9fd6-8f93-4758-87c3-1fb73740a315\"").expect("valid");
    assert_eq!(serde_json::to_string(&id).ok().as_deref(), Some("\"02bd9fd6-8f93-4758-87c3-1fb73740a315\""));
}
