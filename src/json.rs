//! The JSON the core reads and writes: requests coming from JavaScript,
//! bodies going to the server, and the server's answers.
//!
//! Written here rather than taken from serde_json because the wasm module is
//! downloaded by every page that uses it: this parser and writer are a
//! fraction of serde_json's size, objects keep their key order (as
//! `JSON.parse` does) without a map type, and numbers keep the text they
//! were written with, so no float formatting code is linked either.

/// Deepest nesting accepted; deeper input is refused rather than recursed into.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Value {
    /// `null`
    #[default]
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON number, kept as its text (`22`, `-1.5e3`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number(n.to_string())
    }
}

impl Number {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value when it is a whole number written without fraction or
    /// exponent (`5`, not `5.0` or `5e0`).
    pub fn as_u64(&self) -> Option<u64> {
        decimal(&self.0)
    }
}

/// The value of `text` when it is only ASCII digits (at least one) and fits
/// a `u64`. The core's one reading of whole numbers: each integer type read
/// with `str::parse` adds its own copy of the parser to the wasm module.
pub fn decimal(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u64, |n, b| {
        let digit = (b as char).to_digit(10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// An object: keys in the order they came, like a JavaScript object.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// An empty object.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty object with room for `n` keys.
    pub fn with_capacity(n: usize) -> Self {
        Self(Vec::with_capacity(n))
    }

    /// The value of `key`; with duplicate keys the last, as `JSON.parse` keeps.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value of `key` to change; with duplicate keys the last.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0
            .iter_mut()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, replacing its value if present.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// Takes `key` out, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    /// Appends `key` without looking for it first: for keys known to be new,
    /// such as those of another object, so that building stays linear.
    pub fn push(&mut self, key: impl Into<String>, value: Value) {
        self.0.push((key.into(), value));
    }

    /// Keys and values in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Keys and values in order, the keys and values to change.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&mut String, &mut Value)> {
        self.0.iter_mut().map(|(k, v)| (k, v))
    }

    /// Keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Values in order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many keys, duplicates included.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;
    /// The value of `key`, or `null` when absent.
    fn index(&self, key: &str) -> &Value {
        const NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

/// Why a text is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON syntax (or text after the value).
    Syntax,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// Reads one JSON value that fills `text` (surrounding whitespace allowed).
/// A lone surrogate escape (`"\ud800"`, which `JSON.stringify` writes for
/// a broken string) becomes U+FFFD, as a `TextEncoder` would make it.
/// A repeated key keeps its first place and takes the last value, as
/// `JSON.parse` does, at every depth, so that a request body never carries
/// a field twice.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut value = parse_stringified(text)?;
    merge_repeated_keys(&mut value);
    Ok(value)
}

/// [`parse`] for the text of `JSON.stringify`, whose objects never repeat a
/// key: it reads the same value without looking for repeats, so a module
/// that reads nothing else leaves that code out (0.8 KB gzip). Repeated
/// keys in other text are all kept.
pub fn parse_stringified(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i == p.s.len() {
        Ok(v)
    } else {
        Err(ParseError::Syntax)
    }
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

/// The end of the run of bytes from `i` that a JSON string holds as they
/// are: the index of the next `"`, `\` or control byte, or `s.len()`.
/// Such bytes are ASCII, so the run is whole characters.
fn plain_end(s: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // High bit of each byte that is zero; the lowest one flagged is exact.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    // Eight bytes at a time: text is mostly plain, and a byte loop is the
    // slow part of reading and writing long strings.
    while let Some(chunk) = s.get(i..i + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(bytes);
        // Bytes below 0x20, then `"` and `\`.
        let hits = (w.wrapping_sub(ONES * 0x20) & !w & HIGHS)
            | zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')));
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = s.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// Merges the repeated keys of every object in `value`. Sorting keeps this
/// O(n log n) in an object's keys: scanning per key took 23 s for a 960 KB
/// object of 80,000 keys, sorting 55 ms (native release build, parsing the
/// object once).
fn merge_repeated_keys(value: &mut Value) {
    let entries = match value {
        Value::Array(items) => return items.iter_mut().for_each(merge_repeated_keys),
        Value::Object(Map(entries)) => entries,
        _ => return,
    };
    if entries.len() < 2 {
        return entries.iter_mut().for_each(|(_, v)| merge_repeated_keys(v));
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    // By key, then by place: equal keys stay in the order they came.
    heapsort(&mut order, |a, b| (&entries[a].0, a) < (&entries[b].0, b));
    // Each entry's first place with its key.
    let mut first: Vec<usize> = (0..entries.len()).collect();
    for pair in order.windows(2) {
        if entries[pair[0]].0 == entries[pair[1]].0 {
            first[pair[1]] = first[pair[0]];
        }
    }
    // In order of place, so the last value of a key is the one that stays.
    for (i, &f) in first.iter().enumerate() {
        if f != i {
            entries[f].1 = std::mem::take(&mut entries[i].1);
        }
    }
    let mut i = 0;
    entries.retain_mut(|(_, v)| {
        merge_repeated_keys(v);
        i += 1;
        first[i - 1] == i - 1
    });
}

/// Sorts `v` by `less`, a strict total order: a heapsort, O(n log n) and
/// in place, because std's sorts add 6 KB of wasm code for this rare path
/// (code section of the release wasm32 build before wasm-opt: +6.3 KB
/// with `sort_by`, +2.0 KB with this and the rest of the merge).
fn heapsort(v: &mut [usize], less: impl Fn(usize, usize) -> bool) {
    let sift = |v: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(v[child], v[child + 1]) {
            child += 1;
        }
        if !less(v[root], v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    for root in (0..v.len() / 2).rev() {
        sift(v, root, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8]) -> Result<(), ParseError> {
        if self.s[self.i..].starts_with(lit) {
            self.i += lit.len();
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        self.ws();
        match self.s.get(self.i).ok_or(ParseError::Syntax)? {
            b'n' => self.eat(b"null").map(|_| Value::Null),
            b't' => self.eat(b"true").map(|_| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|_| Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(ParseError::Syntax),
                    }
                }
            }
            b'{' => {
                self.i += 1;
                // Room for a request's usual keys at once: growing copies
                // every entry.
                let mut entries = Vec::with_capacity(8);
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Value::Object(Map(entries)));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(ParseError::Syntax);
                    }
                    let key = self.string()?;
                    self.ws();
                    self.eat(b":")?;
                    let value = self.value(depth + 1)?;
                    entries.push((key, value));
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::Object(Map(entries)));
                        }
                        _ => return Err(ParseError::Syntax),
                    }
                }
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(ParseError::Syntax),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.i;
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(ParseError::Syntax),
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(ParseError::Syntax);
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(ParseError::Syntax);
            }
        }
        let text = self.text.get(start..self.i).ok_or(ParseError::Syntax)?;
        Ok(Value::Number(Number(text.to_owned())))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let hex = self.s.get(self.i..self.i + 4).ok_or(ParseError::Syntax)?;
        let mut n = 0;
        for &b in hex {
            n = n * 16 + (b as char).to_digit(16).ok_or(ParseError::Syntax)?;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control byte.
            let start = self.i;
            self.i = plain_end(self.s, start);
            out.push_str(self.text.get(start..self.i).ok_or(ParseError::Syntax)?);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let escape = *self.s.get(self.i).ok_or(ParseError::Syntax)?;
                    self.i += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    self.i = save;
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(c.unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(ParseError::Syntax),
                    }
                }
                _ => return Err(ParseError::Syntax),
            }
        }
    }
}

/// Writes itself as JSON text.
pub trait ToJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);

    /// The JSON text of `self`.
    fn to_json_string(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => out.push_str(&n.0),
            Value::String(s) => s.as_str().write_json(out),
            Value::Array(items) => items.as_slice().write_json(out),
            Value::Object(map) => map.write_json(out),
        }
    }
}

impl ToJson for Map {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            k.as_str().write_json(out);
            out.push(':');
            v.write_json(out);
        }
        out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        out.reserve(self.len() + 2);
        out.push('"');
        // Copy runs of plain bytes at once; only `"`, `\\` and control
        // characters (all ASCII, so runs end on character boundaries) need work.
        let bytes = self.as_bytes();
        let mut run = 0;
        loop {
            let i = plain_end(bytes, run);
            out.push_str(self.get(run..i).unwrap_or_default());
            let Some(&b) = bytes.get(i) else { break };
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                _ => "",
            };
            if escape.is_empty() {
                // Only bytes below 0x20 are left; written by hand rather
                // than through `{:04x}`, which links hex formatting.
                out.push_str(if b < 0x10 { "\\u000" } else { "\\u001" });
                out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
            } else {
                out.push_str(escape);
            }
            run = i + 1;
        }
        out.push('"');
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// Text that is already JSON (a number), written as it is.
pub struct Raw<'a>(pub &'a str);

impl ToJson for Raw<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

/// Writes a JSON object field by field: `{"a":1,"b":"x"}`.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    /// Starts an object.
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Self { out, first: true }
    }

    /// Adds a field.
    pub fn field(mut self, key: &str, value: &(impl ToJson + ?Sized)) -> Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        key.write_json(self.out);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_key_order() {
        let text = r#"{"b":1,"a":[true,false,null,-1.5e3,"x\"y\\z\n\u00e9\ud83d\ude00"],"c":{}}"#;
        let v = parse(text).unwrap();
        assert_eq!(
            v.to_json_string(),
            r#"{"b":1,"a":[true,false,null,-1.5e3,"x\"y\\z\né😀"],"c":{}}"#
        );
        assert_eq!(v.get("b"), Some(&Value::Number(Number("1".into()))));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "1e",
            "nul",
            "\"\\x\"",
            "\"a",
            "{} x",
            "'a'",
            "\"\u{1}\"",
        ] {
            assert_eq!(parse(bad), Err(ParseError::Syntax), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep), Err(ParseError::TooDeep));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            parse(r#""a\ud800b""#).unwrap(),
            Value::String("a\u{fffd}b".into())
        );
        assert_eq!(
            parse(r#""\udc00\ud800\u0041""#).unwrap(),
            Value::String("\u{fffd}\u{fffd}A".into())
        );
    }

    fn reread(text: &str) -> String {
        parse(text).unwrap().to_json_string()
    }

    #[test]
    fn duplicate_keys_keep_the_last_value() {
        assert_eq!(
            reread(r#"{"field_1":"a","field_1":"b"}"#),
            r#"{"field_1":"b"}"#
        );
        let v = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.as_object().map(Map::len), Some(1));
        assert_eq!(v.get("a"), Some(&Value::Number(Number("2".into()))));
    }

    #[test]
    fn a_repeated_key_stays_where_it_first_came() {
        assert_eq!(
            reread(r#"{"a":1,"b":2,"a":3,"c":4,"b":5,"a":6}"#),
            r#"{"a":6,"b":5,"c":4}"#
        );
    }

    #[test]
    fn repeated_keys_are_merged_at_every_depth() {
        assert_eq!(
            reread(
                r#"{"contact":{"first_name":"A","groups":["x"],"first_name":"B"},"list":[{"k":1,"k":[{"j":1,"j":2}]}]}"#
            ),
            r#"{"contact":{"first_name":"B","groups":["x"]},"list":[{"k":[{"j":2}]}]}"#
        );
        // The later value replaces the earlier one whole, objects too.
        assert_eq!(
            reread(r#"{"c":{"a":1,"b":2},"c":{"b":3}}"#),
            r#"{"c":{"b":3}}"#
        );
    }

    #[test]
    fn repeated_keys_are_merged_in_objects_of_any_size() {
        // Keys k00..k{n-1}, then repeats of an early, a middle and the last.
        for n in [3, 4, 33, 300] {
            let members: Vec<String> = (0..n).map(|i| format!(r#""k{i:02}":{i}"#)).collect();
            let last = n - 1;
            let text = format!(
                r#"{{{},"k00":"a","k{last:02}":"z","k{mid:02}":"m","k00":"b"}}"#,
                members.join(","),
                mid = n / 2,
            );
            let expected: Vec<String> = (0..n)
                .map(|i| match i {
                    0 => r#""k00":"b""#.to_owned(),
                    i if i == last => format!(r#""k{i:02}":"z""#),
                    i if i == n / 2 => format!(r#""k{i:02}":"m""#),
                    i => format!(r#""k{i:02}":{i}"#),
                })
                .collect();
            assert_eq!(reread(&text), format!("{{{}}}", expected.join(",")), "{n}");
        }
    }

    #[test]
    fn stringified_text_is_read_as_parse_reads_it() {
        let text = r#"{"a":[{"b":1,"c":{"d":null}}],"e":"f","g":[]}"#;
        assert_eq!(parse_stringified(text), parse(text));
        assert_eq!(
            parse_stringified(r#"{"a":1,"a":2}"#).map(|v| v.to_json_string()),
            Ok(r#"{"a":1,"a":2}"#.to_owned())
        );
    }

    #[test]
    fn the_heapsort_orders_every_arrangement() {
        let keys = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
        for len in 0..=keys.len() {
            let mut order: Vec<usize> = (0..len).collect();
            heapsort(&mut order, |a, b| (keys[a], a) < (keys[b], b));
            let mut expected: Vec<usize> = (0..len).collect();
            expected.sort_by_key(|&i| (keys[i], i));
            assert_eq!(order, expected, "{len}");
        }
    }

    #[test]
    fn numbers_keep_their_text() {
        let n = |t: &str| match parse(t).unwrap() {
            Value::Number(n) => n,
            _ => unreachable!(),
        };
        assert_eq!(n("22").as_u64(), Some(22));
        assert_eq!(n("22.0").as_u64(), None);
        assert_eq!(n("-3").as_u64(), None);
        assert_eq!(n("1e+21").as_str(), "1e+21");
        assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(n("18446744073709551616").as_u64(), None);
    }

    #[test]
    fn decimals_are_digits_only() {
        assert_eq!(decimal("0"), Some(0));
        assert_eq!(decimal("007"), Some(7));
        assert_eq!(decimal("131030"), Some(131_030));
        assert_eq!(decimal("18446744073709551615"), Some(u64::MAX));
        for bad in [
            "",
            "+1",
            "-1",
            " 1",
            "1 ",
            "1.0",
            "1e3",
            "١",
            "99999999999999999999",
        ] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn plain_runs_end_at_the_first_byte_to_escape() {
        let naive = |s: &[u8], i: usize| {
            (i..s.len())
                .find(|&j| s[j] == b'"' || s[j] == b'\\' || s[j] < 0x20)
                .unwrap_or(s.len())
        };
        let base = "abcdéfgh😀ijklmnopqrstuvwxyz0123456789ÿ\u{7f}".as_bytes();
        for special in [b'"', b'\\', 0, 0x1f, b'\n'] {
            for at in 0..base.len() {
                let mut s = base.to_vec();
                s[at] = special;
                s.push(b'"');
                for start in 0..=at {
                    assert_eq!(
                        plain_end(&s, start),
                        naive(&s, start),
                        "{special} {at} {start}"
                    );
                }
            }
        }
        assert_eq!(plain_end(base, 0), base.len());
        // Both directions through one long string with escapes at every offset.
        let text: String = (0..300)
            .map(|i| match i % 37 {
                0 => '"',
                5 => '\\',
                11 => '\u{1}',
                17 => 'é',
                _ => 'a',
            })
            .collect();
        let json = Value::String(text.clone()).to_json_string();
        assert_eq!(parse(&json), Ok(Value::String(text)));
    }

    #[test]
    fn writes_control_characters_escaped() {
        assert_eq!(Value::from("a\u{1}b\t").to_json_string(), r#""a\u0001b\t""#);
        assert_eq!(
            Value::from("\u{0}\u{8}\u{c}\u{f}\u{10}\u{1a}\u{1f} ").to_json_string(),
            r#""\u0000\u0008\u000c\u000f\u0010\u001a\u001f ""#
        );
        let mut out = String::new();
        ObjectWriter::new(&mut out)
            .field("ok", &true)
            .field("n", &Raw("5"))
            .field("s", "x")
            .end();
        assert_eq!(out, r#"{"ok":true,"n":5,"s":"x"}"#);
    }
}
