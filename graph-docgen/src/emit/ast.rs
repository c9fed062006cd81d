//! ast: small constructors for the `syn` nodes that emit builds directly, so that the items of
//! every struct, enum and builder go to prettyplease without a trip through syn's parser.
//!
//! Building tokens with `quote!` and parsing them back with `syn::parse2` cost about a third
//! of a full-corpus regen's CPU time. The nodes made here are the ones syn's parser makes of
//! the same source, so the printed text is the same byte for byte; a test below pins that.
//! Paths are written as text (`"crate::runtime::Model"`) and split on `::`; std prelude items
//! by their short names, from the constants below. Every function
//! makes a fresh node: syn nodes are not `Send`, so nothing is shared across the rayon tasks
//! that build items.

use proc_macro2::{Literal, Span, TokenStream};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{
    AngleBracketedGenericArguments, Arm, AttrStyle, Attribute, Block, Expr, ExprArray, ExprCall, ExprField, ExprLit,
    ExprMacro, ExprMatch, ExprMethodCall, ExprPath, ExprReference, ExprReturn, ExprTry, Field, FieldModifiers, Fields,
    FieldsNamed, FieldsUnnamed, FnArg, FnModifiers, GenericArgument, Generics, Ident, ImplItem, ImplItemConst,
    ImplItemFn, ImplItemMacro, ImplModifiers, Item, ItemEnum, ItemImpl, ItemMacro, ItemStruct, ItemType, Lifetime, Lit,
    LitStr, Local, LocalInit, LocalModifiers, Macro, MacroDelimiter, Member, Meta, MetaList, MetaNameValue, Pat,
    PatIdent, PatTupleStruct, PatType, PatWild, Path, PathArguments, PathSegment, QSelf, Receiver, ReceiverKind,
    ReturnType, Signature, Stmt, TraitBound, TraitBoundModifiers, Type, TypeImplTrait, TypeParamBound, TypePath,
    TypeReference, TypeSlice, TypeTraitObject, Variant, Visibility,
};

// ---- std prelude items ----
// Written unqualified (`Option<String>`); `names::PRELUDE` keeps any generated type or builder
// from taking one of these names, which would shadow it in its module (a test below checks
// that every constant here is listed there).

pub const OPTION: &str = "Option";
pub const SOME: &str = "Some";
pub const NONE: &str = "None";
pub const STRING: &str = "String";
pub const VEC: &str = "Vec";
pub const BOX: &str = "Box";
pub const RESULT: &str = "Result";
pub const DEFAULT: &str = "Default";
pub const DEFAULT_FN: &str = "Default::default";
pub const FROM: &str = "From";
pub const INTO: &str = "Into";
/// A macro: not shadowed by items, so not in `names::PRELUDE`.
pub const MATCHES: &str = "matches";

// ---- names and types ----

/// An identifier (names come from `names`, which only makes valid ones).
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A path of plain segments: `::std::option::Option`, `crate::runtime::Model`, `Self::Other`.
pub fn path(text: &str) -> Path {
    let (leading_colon, rest) = match text.strip_prefix("::") {
        Some(rest) => (Some(Default::default()), rest),
        None => (None, text),
    };
    // Split on `:` and skip the empty piece between the two of each `::`: `split("::")` sets
    // up a substring searcher per call, and this runs for every path emit builds. A segment
    // never holds a single `:` (paths are emit's own texts and names from `names.rs`).
    Path {
        leading_colon,
        segments: rest.split(':').filter(|s| !s.is_empty()).map(|s| PathSegment::from(ident(s))).collect(),
    }
}

/// `text<args>`: the generic arguments go on the last segment (`::std::convert::From<T>`).
pub fn generic_path(text: &str, args: Vec<Type>) -> Path {
    let mut p = path(text);
    if let Some(last) = p.segments.last_mut() {
        last.arguments = PathArguments::AngleBracketed(AngleBracketedGenericArguments {
            colon2_token: None,
            lt_token: Default::default(),
            args: args.into_iter().map(GenericArgument::Type).collect(),
            gt_token: Default::default(),
        });
    }
    p
}

/// The type named by `path`.
pub fn path_ty(path: Path) -> Type {
    Type::Path(TypePath { attrs: Vec::new(), qself: None, path })
}

/// A plain path type: `bool`, `super::Group`, `crate::runtime::Extra`.
pub fn ty(text: &str) -> Type {
    path_ty(path(text))
}

/// `text<arg>`: `::std::option::Option<T>`, `::std::vec::Vec<T>`, `crate::runtime::Flags<T>`.
pub fn generic_ty(text: &str, arg: Type) -> Type {
    path_ty(generic_path(text, vec![arg]))
}

/// `&'lifetime mut elem`; `lifetime` with its apostrophe (`"'static"`).
pub fn ref_ty(lifetime: Option<&str>, mutable: bool, elem: Type) -> Type {
    Type::Reference(TypeReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        lifetime: lifetime.map(|l| Lifetime::new(l, Span::call_site())),
        mutability: mutable.then(Default::default),
        elem: Box::new(elem),
    })
}

/// `[elem]`.
fn slice_ty(elem: Type) -> Type {
    Type::Slice(TypeSlice { attrs: Vec::new(), bracket_token: Default::default(), elem: Box::new(elem) })
}

/// A bound that is just a trait path, as in `dyn Trait` and `impl Trait`.
fn trait_bound(path: Path) -> Punctuated<TypeParamBound, syn::Token![+]> {
    std::iter::once(TypeParamBound::Trait(TraitBound {
        paren_token: None,
        lifetimes: None,
        modifiers: TraitBoundModifiers::default(),
        maybe: None,
        path,
    }))
    .collect()
}

/// `dyn text`.
pub fn dyn_ty(text: &str) -> Type {
    Type::TraitObject(TypeTraitObject {
        attrs: Vec::new(),
        dyn_token: Some(Default::default()),
        bounds: trait_bound(path(text)),
    })
}

/// `impl path` (the path may carry generic arguments).
pub fn impl_ty(path: Path) -> Type {
    Type::ImplTrait(TypeImplTrait { attrs: Vec::new(), impl_token: Default::default(), bounds: trait_bound(path) })
}

// ---- expressions ----

/// A path expression: `::std::option::Option::None`, `Self::Active`, `self`, `value`.
pub fn path_expr(text: &str) -> Expr {
    Expr::Path(ExprPath { attrs: Vec::new(), qself: None, path: path(text) })
}

/// `<ty as trait_path>::rest`, with `trait_path` and `rest` in one path as syn parses it.
pub fn qualified_path_expr(ty: Type, trait_path: &str, rest: &str) -> Expr {
    let mut p = path(trait_path);
    let position = p.segments.len();
    p.segments.extend(path(rest).segments);
    Expr::Path(ExprPath {
        attrs: Vec::new(),
        qself: Some(QSelf {
            lt_token: Default::default(),
            ty: Box::new(ty),
            position,
            as_token: Some(Default::default()),
            gt_token: Default::default(),
        }),
        path: p,
    })
}

/// A string literal (`"active"`).
fn lit_str_node(value: &str) -> ExprLit {
    ExprLit { attrs: Vec::new(), lit: Lit::Str(LitStr::new(value, Span::call_site())) }
}

/// A string literal expression.
pub fn lit_str(value: &str) -> Expr {
    Expr::Lit(lit_str_node(value))
}

/// `func(args)` for any callee expression.
pub fn call_expr(func: Expr, args: Vec<Expr>) -> Expr {
    Expr::Call(ExprCall {
        attrs: Vec::new(),
        func: Box::new(func),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `func(args)`, `func` a path: `Self::Other(s.into())`, `::std::option::Option::Some(x)`.
pub fn call(func: &str, args: Vec<Expr>) -> Expr {
    call_expr(path_expr(func), args)
}

/// `receiver.method(args)`.
pub fn method_call(receiver: Expr, method: &str, args: Vec<Expr>) -> Expr {
    Expr::MethodCall(ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method: ident(method),
        turbofish: None,
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `base.name`.
pub fn field_expr(base: Expr, name: &str) -> Expr {
    Expr::Field(ExprField {
        attrs: Vec::new(),
        base: Box::new(base),
        dot_token: Default::default(),
        member: Member::Named(ident(name)),
    })
}

/// `&expr` / `&mut expr`.
pub fn reference(mutable: bool, expr: Expr) -> Expr {
    Expr::Reference(ExprReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        mutability: mutable.then(Default::default),
        expr: Box::new(expr),
    })
}

/// `[elems]`.
fn array(elems: Vec<Expr>) -> Expr {
    Expr::Array(ExprArray { attrs: Vec::new(), bracket_token: Default::default(), elems: elems.into_iter().collect() })
}

/// `match expr { arms }`.
pub fn match_expr(expr: Expr, arms: Vec<Arm>) -> Expr {
    Expr::Match(ExprMatch {
        attrs: Vec::new(),
        match_token: Default::default(),
        expr: Box::new(expr),
        brace_token: Default::default(),
        arms,
    })
}

/// `return expr`.
pub fn return_expr(expr: Expr) -> Expr {
    Expr::Return(ExprReturn { attrs: Vec::new(), return_token: Default::default(), expr: Some(Box::new(expr)) })
}

/// `expr?`.
pub fn try_expr(expr: Expr) -> Expr {
    Expr::Try(ExprTry { attrs: Vec::new(), expr: Box::new(expr), question_token: Default::default() })
}

/// `path!(tokens)`, the macro call shared by the expression and item forms.
fn mac(path_text: &str, tokens: TokenStream) -> Macro {
    Macro {
        path: path(path_text),
        bang_token: Default::default(),
        delimiter: MacroDelimiter::Paren(Default::default()),
        tokens,
    }
}

/// `path!(tokens)` as an expression (`::std::matches!(self, Self::Other(_))`).
pub fn macro_expr(path_text: &str, tokens: TokenStream) -> Expr {
    Expr::Macro(ExprMacro { attrs: Vec::new(), mac: mac(path_text, tokens) })
}

// ---- patterns and match arms ----

/// `pat => body,` (prettyplease decides the comma itself, so every arm gets one).
pub fn arm(attrs: Vec<Attribute>, pat: Pat, body: Expr) -> Arm {
    Arm { attrs, pat, fat_arrow_token: Default::default(), body: Box::new(body), comma: Some(Default::default()) }
}

/// A string literal pattern (`"active" =>`).
pub fn pat_str(value: &str) -> Pat {
    Pat::Lit(lit_str_node(value))
}

/// An unsuffixed integer literal pattern (`0 =>`).
pub fn pat_int(value: usize) -> Pat {
    Pat::Lit(ExprLit { attrs: Vec::new(), lit: Lit::new(Literal::usize_unsuffixed(value)) })
}

/// `_`.
pub fn pat_wild() -> Pat {
    Pat::Wild(PatWild { attrs: Vec::new(), underscore_token: Default::default() })
}

/// A path pattern (`Self::Active`).
pub fn pat_path(text: &str) -> Pat {
    Pat::Path(ExprPath { attrs: Vec::new(), qself: None, path: path(text) })
}

/// A plain binding (`v`, `value`).
pub fn pat_ident(name: &str) -> Pat {
    Pat::Ident(PatIdent { attrs: Vec::new(), by_ref: None, mutability: None, ident: ident(name), subpat: None })
}

/// `text(elems)`: `Self::User(v)`, `Self::Other(_)`.
pub fn pat_tuple_struct(text: &str, elems: Vec<Pat>) -> Pat {
    Pat::TupleStruct(PatTupleStruct {
        attrs: Vec::new(),
        qself: None,
        path: path(text),
        paren_token: Default::default(),
        elems: elems.into_iter().collect(),
    })
}

// ---- attributes ----

/// `#[meta]`.
fn outer_attr(meta: Meta) -> Attribute {
    Attribute { pound_token: Default::default(), style: AttrStyle::Outer, bracket_token: Default::default(), meta }
}

/// `#[doc = "line"]` (printed as `///line`): [`docs`] of one line, so a plain line waits in
/// [`DocRuns`] like any run (the item must be printed by [`super::format::print_items`] on this
/// thread).
pub fn doc(line: &str) -> Attribute {
    if is_plain_doc_line(line) {
        doc_attr(DocRuns::placeholder(line.to_string()))
    } else {
        doc_attr(LitStr::new(line, Span::call_site()))
    }
}

/// `#[doc = literal]`.
fn doc_attr(literal: LitStr) -> Attribute {
    let value = Expr::Lit(ExprLit { attrs: Vec::new(), lit: Lit::Str(literal) });
    outer_attr(Meta::NameValue(MetaNameValue { path: path("doc"), eq_token: Default::default(), value }))
}

/// A doc line that can travel in a run of doc lines ([`docs`]): prettyplease prints it as
/// `///` and the text (one with a leading `/` or a line break is printed as an attribute; a CR
/// is kept out as well), and it holds no [`DOC_RUN`], which separates the lines of a run. One
/// pass over the line: this runs on every doc line.
fn is_plain_doc_line(line: &str) -> bool {
    !line.starts_with('/') && memchr::memchr3(b'\n', b'\r', DOC_RUN as u8, line.as_bytes()).is_none()
}

/// Rustdoc lines as `#[doc]` attributes, printed as one `///` line each.
///
/// prettyplease prints a one-line outer doc attribute as `///` and its text, so a run of such
/// lines travels as one attribute whose literal is only a placeholder, [`DOC_RUN`] and an
/// index; the lines themselves wait in this thread's [`DocRuns`] until
/// [`super::format::print_items`] puts them in place of the printed placeholder, one `///`
/// line each. The bytes are the same; what is saved is an attribute node, a literal and a
/// printer word per line, and above all lexing the doc text back into a literal and having
/// prettyplease measure and copy it (doc lines are over a third of what regen prints). A line
/// prettyplease would print otherwise (a line break in it, or a leading `/`, printed as
/// `#[doc = ...]`) stays an attribute of its own. No doc text holds a NUL: pages with one are
/// not read (`tree`), and emit's own phrases have none.
pub fn docs(lines: &[String]) -> Vec<Attribute> {
    let mut attrs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, attrs: &mut Vec<Attribute>| {
        if !run.is_empty() {
            attrs.push(doc_attr(DocRuns::placeholder(run.join(DOC_RUN_STR))));
            run.clear();
        }
    };
    for line in lines {
        if is_plain_doc_line(line) {
            run.push(line);
            continue;
        }
        flush(&mut run, &mut attrs);
        attrs.push(doc(line));
    }
    flush(&mut run, &mut attrs);
    attrs
}

/// Starts the placeholder of a run of doc lines (see [`docs`]) and separates the lines of a
/// stored run.
pub const DOC_RUN: char = '\0';
const DOC_RUN_STR: &str = "\0";

/// The runs of doc lines [`docs`] and of table rows [`table_macro_impl_item`] has handed out
/// on this thread since the last
/// [`DocRuns::take`]. A thread-local store because syn nodes are built and printed inside one
/// rayon task (they are not `Send`), and emit's builders start no nested parallel work, so no
/// other item's runs can land between building an item and printing it.
pub struct DocRuns;

thread_local! {
    static DOC_RUNS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl DocRuns {
    /// Stores a run (lines joined by [`DOC_RUN`]) and returns the literal that stands for it:
    /// [`DOC_RUN`] and the run's index (short, so the escaped spelling is cheap).
    fn placeholder(run: String) -> LitStr {
        let index = Self::store(run);
        LitStr::new(&format!("{DOC_RUN}{index}"), Span::call_site())
    }

    /// Stores a run and returns its index.
    fn store(run: String) -> usize {
        DOC_RUNS.with(|r| {
            let mut r = r.borrow_mut();
            r.push(run);
            r.len() - 1
        })
    }

    /// Every run stored on this thread, leaving the store empty.
    pub fn take() -> Vec<String> {
        DOC_RUNS.with(|r| std::mem::take(&mut *r.borrow_mut()))
    }
}

/// `#[name(tokens)]`.
fn list_attr(name: &str, tokens: TokenStream) -> Attribute {
    outer_attr(Meta::List(MetaList { path: path(name), delimiter: MacroDelimiter::Paren(Default::default()), tokens }))
}

/// `#[derive(traits)]`.
pub fn derive(traits: &[&str]) -> Attribute {
    let paths: Punctuated<Path, syn::Token![,]> = traits.iter().map(|t| path(t)).collect();
    list_attr("derive", paths.into_token_stream())
}

/// `#[cfg(feature = "feature")]`.
pub fn cfg_feature(feature: &str) -> Attribute {
    list_attr("cfg", quote::quote! { feature = #feature })
}

/// `#[inline]`.
fn inline() -> Attribute {
    outer_attr(Meta::Path(path("inline")))
}

// ---- items ----

/// `pub` or nothing.
fn vis(public: bool) -> Visibility {
    if public {
        Visibility::Public(Default::default())
    } else {
        Visibility::Inherited
    }
}

/// A named field: `attrs pub name: ty` (or private).
pub fn field(attrs: Vec<Attribute>, public: bool, name: &str, ty: Type) -> Field {
    Field {
        attrs,
        vis: vis(public),
        modifiers: FieldModifiers::default(),
        ident: Some(ident(name)),
        colon_token: Some(Default::default()),
        ty,
        default: None,
    }
}

/// `attrs pub struct name { fields }`.
pub fn pub_struct(attrs: Vec<Attribute>, name: &str, fields: Vec<Field>) -> Item {
    Item::Struct(ItemStruct {
        attrs,
        vis: vis(true),
        struct_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        fields: Fields::Named(FieldsNamed { brace_token: Default::default(), named: fields.into_iter().collect() }),
        semi_token: None,
    })
}

/// An enum variant: `attrs Name` without types, `attrs Name(types)` with.
pub fn variant(attrs: Vec<Attribute>, name: &str, types: Vec<Type>) -> Variant {
    let fields = if types.is_empty() {
        Fields::Unit
    } else {
        let unnamed = types.into_iter().map(|ty| Field {
            attrs: Vec::new(),
            vis: Visibility::Inherited,
            modifiers: FieldModifiers::default(),
            ident: None,
            colon_token: None,
            ty,
            default: None,
        });
        Fields::Unnamed(FieldsUnnamed { paren_token: Default::default(), unnamed: unnamed.collect() })
    };
    Variant { attrs, ident: ident(name), fields, discriminant: None }
}

/// `attrs pub enum name { variants }`.
pub fn pub_enum(attrs: Vec<Attribute>, name: &str, variants: Vec<Variant>) -> Item {
    Item::Enum(ItemEnum {
        attrs,
        vis: vis(true),
        enum_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        brace_token: Default::default(),
        variants: variants.into_iter().collect(),
    })
}

/// `attrs pub type name = ty;`.
pub fn pub_type(attrs: Vec<Attribute>, name: &str, ty: Type) -> Item {
    Item::Type(ItemType {
        attrs,
        vis: vis(true),
        modifiers: Default::default(),
        type_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        eq_token: Default::default(),
        ty: Box::new(ty),
        semi_token: Default::default(),
        // There is no where clause, so where it would go does not matter.
        where_clause_placement: syn::WhereClausePlacement::Early,
    })
}

/// `attrs impl trait_ for self_name { items }`, or an inherent impl without `trait_`.
pub fn impl_block(attrs: Vec<Attribute>, trait_: Option<Path>, self_name: &str, items: Vec<ImplItem>) -> Item {
    Item::Impl(ItemImpl {
        attrs,
        modifiers: ImplModifiers::default(),
        unsafety: None,
        impl_token: Default::default(),
        generics: Generics::default(),
        trait_: trait_.map(|p| (p, Default::default())),
        self_ty: Box::new(ty(self_name)),
        brace_token: Default::default(),
        items,
    })
}

/// `path!(tokens);` as an item (`crate::runtime::impl_serde_for_enum!(Color);`).
pub fn macro_item(path_text: &str, tokens: TokenStream) -> Item {
    Item::Macro(ItemMacro {
        attrs: Vec::new(),
        ident: None,
        mac: mac(path_text, tokens),
        semi_token: Some(Default::default()),
    })
}

// ---- inside impl blocks ----

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfArg {
    /// None: an associated function (`fn new() -> Self`).
    None,
    /// `&self`
    Ref,
    /// `&mut self`
    RefMut,
    /// `mut self` (the builder setters)
    MutValue,
}

/// The receiver `self_arg` stands for, if any.
fn receiver(self_arg: SelfArg) -> Option<FnArg> {
    let (mutability, kind) = match self_arg {
        SelfArg::None => return None,
        SelfArg::Ref => (false, ReceiverKind::Reference(Default::default(), None, None)),
        SelfArg::RefMut => (false, ReceiverKind::Reference(Default::default(), None, Some(Default::default()))),
        SelfArg::MutValue => (true, ReceiverKind::Value),
    };
    Some(FnArg::Receiver(Receiver {
        attrs: Vec::new(),
        mutability: mutability.then(Default::default),
        self_token: Default::default(),
        kind,
    }))
}

/// `docs #[inline] pub fn name(self_arg, inputs) -> output { body }` (private unless
/// `public`, `-> ()` without `output`). Every generated function is `#[inline]` (DESIGN.md), so
/// this constructor adds it after the docs.
pub fn inline_fn(
    docs: Vec<Attribute>,
    public: bool,
    name: &str,
    self_arg: SelfArg,
    inputs: Vec<(&str, Type)>,
    output: Option<Type>,
    body: Vec<Stmt>,
) -> ImplItem {
    let typed = inputs.into_iter().map(|(name, ty)| {
        FnArg::Typed(PatType {
            attrs: Vec::new(),
            pat: Box::new(pat_ident(name)),
            colon_token: Default::default(),
            ty: Box::new(ty),
        })
    });
    let mut attrs = docs;
    attrs.push(inline());
    ImplItem::Fn(ImplItemFn {
        attrs,
        vis: vis(public),
        modifiers: FnModifiers::default(),
        sig: Signature {
            constness: None,
            asyncness: None,
            safety: syn::Safety::Default,
            abi: None,
            fn_token: Default::default(),
            ident: ident(name),
            generics: Generics::default(),
            paren_token: Default::default(),
            inputs: receiver(self_arg).into_iter().chain(typed).collect(),
            variadic: None,
            output: match output {
                Some(t) => ReturnType::Type(Default::default(), Box::new(t)),
                None => ReturnType::Default,
            },
        },
        block: Block { brace_token: Default::default(), stmts: body },
    })
}

/// `docs #[inline] pub fn name(self_arg) -> output { value }`: [`inline_fn`] for the many
/// methods without arguments (besides `self`) whose body is one expression.
pub fn value_fn(
    docs: Vec<Attribute>,
    public: bool,
    name: &str,
    self_arg: SelfArg,
    output: Type,
    value: Expr,
) -> ImplItem {
    inline_fn(docs, public, name, self_arg, Vec::new(), Some(output), vec![stmt_value(value)])
}

/// `const NAME: ty = expr;`.
fn impl_const(name: &str, ty: Type, expr: Expr) -> ImplItem {
    ImplItem::Const(ImplItemConst {
        attrs: Vec::new(),
        vis: Visibility::Inherited,
        modifiers: Default::default(),
        const_token: Default::default(),
        ident: ident(name),
        generics: Generics::default(),
        colon_token: Default::default(),
        ty,
        eq_token: Default::default(),
        expr,
        semi_token: Default::default(),
    })
}

/// `const NAME: &'static str = "value";` (`ODATA_TYPE`, `BASE_TYPE`).
pub fn str_const(name: &str, value: &str) -> ImplItem {
    impl_const(name, ref_ty(Some("'static"), false, ty("str")), lit_str(value))
}

/// `const NAME: &'static [&'static str] = &["a", "b"];` (`MEMBERS`, `FIELDS`).
pub fn str_list_const<'a>(name: &str, values: impl Iterator<Item = &'a str>) -> ImplItem {
    let static_str = ref_ty(Some("'static"), false, ty("str"));
    let list = reference(false, array(values.map(lit_str).collect()));
    impl_const(name, ref_ty(Some("'static"), false, slice_ty(static_str)), list)
}

/// `path! { row \n row ... }` inside an impl: a macro whose body is a table, printed one row
/// per line, each row's text as given (prettyplease would fill the rows' tokens into lines of
/// 100 columns, which hides the table and makes one added row reflow all that follow: noisy
/// diffs). The body travels as one placeholder identifier, [`ROWS_PLACEHOLDER`] and an index;
/// the rows wait in this thread's [`DocRuns`] until [`super::format::print_items`] puts them in
/// its place. No rows: `path! {}`.
pub fn table_macro_impl_item(path_text: &str, rows: &[String]) -> ImplItem {
    let tokens = if rows.is_empty() {
        TokenStream::new()
    } else {
        ident(&Verbatim::placeholder(DocRuns::store(rows.join(DOC_RUN_STR)))).into_token_stream()
    };
    let mut mac = mac(path_text, tokens);
    mac.delimiter = MacroDelimiter::Brace(Default::default());
    ImplItem::Macro(ImplItemMacro { attrs: Vec::new(), mac, semi_token: None })
}

/// Starts the identifier that stands for a [`table_macro_impl_item`]'s rows. Generated names
/// never start with `_` (`names` treats it as a separator), so no other printed line is only
/// this identifier and a number.
pub const ROWS_PLACEHOLDER: &str = "__graph_docgen_rows_";

/// The widest code line a [`Verbatim`] run takes, indentation included: well inside
/// prettyplease's margin (89 columns), below which it prints a short statement, field or match
/// arm on one line as written.
pub const VERBATIM_WIDTH: usize = 80;

/// Where a [`Verbatim`] run starts: the fields or variants of a top-level item...
pub const MEMBER_INDENT: usize = 4;
/// ...and the statements of a method of a top-level `impl` (emit puts every item at the top
/// of its file).
pub const METHOD_BODY_INDENT: usize = 8;

/// Lines printed as given in place of nodes: the fields of a struct (`/// doc`,
/// `pub name: Type,`), the variants of an enum, or a function body of simple statements
/// (`self.body.set("color", &value);`, `self`), at the indentation prettyplease gives them. The
/// run travels like a [`table_macro_impl_item`]'s rows, as one placeholder node (a field, a
/// variant, a statement) that [`super::format::print_items`] replaces by the lines.
///
/// Only the caller knows that its text is what prettyplease prints for the nodes it stands
/// for, so it keeps to shapes that print on one line in one way; the run gives up (`None`, and
/// the caller builds nodes) on a code line wider than [`VERBATIM_WIDTH`], where prettyplease
/// could break it, a doc line it prints as an attribute, or a type other than a plain path.
/// The bytes are the same either way (tests below compare with prettyplease); building and
/// printing these nodes cost several thousand instructions per field or statement, and they
/// are most of the generated code.
pub struct Verbatim {
    indent: usize,
    /// The lines so far, each ended by [`DOC_RUN`] (the separator of a stored run).
    text: String,
    fits: bool,
}

impl Verbatim {
    /// An empty run whose lines start at `indent` columns.
    pub fn new(indent: usize) -> Verbatim {
        // Most members (a field with its docs, a setter) take 100-300 bytes: starting there
        // saves the four or five doublings from empty that most of them went through.
        Verbatim { indent, text: String::with_capacity(256), fits: true }
    }

    /// `///` doc lines, as [`docs`] prints them.
    pub fn doc_lines(&mut self, docs: &[String]) -> &mut Self {
        for line in docs {
            self.fits &= is_plain_doc_line(line);
            self.text.push_str("///");
            self.text.push_str(line);
            self.text.push(DOC_RUN);
        }
        self
    }

    /// One line of code (its own indentation, if any, after the run's), written by `write`.
    pub fn line_with(&mut self, write: impl FnOnce(&mut String)) -> &mut Self {
        let start = self.text.len();
        write(&mut self.text);
        let line = &self.text.as_bytes()[start..];
        self.fits &=
            memchr::memchr3(b'\n', b'\r', DOC_RUN as u8, line).is_none() && self.indent + line.len() <= VERBATIM_WIDTH;
        self.text.push(DOC_RUN);
        self
    }

    /// One line of code.
    pub fn line(&mut self, line: &str) -> &mut Self {
        self.line_with(|text| text.push_str(line))
    }

    /// `before`, the type as prettyplease prints it, `after`: `pub name: Option<String>,`.
    pub fn typed_line(&mut self, before: &str, ty: &Type, after: &str) -> &mut Self {
        let mut path_type = true;
        self.line_with(|text| {
            text.push_str(before);
            path_type = push_path_type(ty, text);
            text.push_str(after);
        });
        self.fits &= path_type;
        self
    }

    /// Moves the lines into this thread's [`DocRuns`] and returns the run's index, if every
    /// line fits (the run is then empty).
    fn store(&mut self) -> Option<usize> {
        if !self.fits {
            return None;
        }
        let mut lines = std::mem::take(&mut self.text);
        if lines.ends_with(DOC_RUN) {
            lines.pop();
        }
        Some(DocRuns::store(lines))
    }

    /// The placeholder's name for run `index` (also a table macro's rows).
    fn placeholder(index: usize) -> String {
        format!("{ROWS_PLACEHOLDER}{index}")
    }

    /// An `#[inline]` method as [`inline_fn`] prints it, at [`MEMBER_INDENT`]: its doc lines,
    /// `#[inline]`, `signature {` (`pub fn new() -> Self`), the body's lines, `}`.
    pub fn method(docs: &[String], signature: &str, body: &[&str]) -> Verbatim {
        let mut text = Verbatim::new(MEMBER_INDENT);
        text.doc_lines(docs).line("#[inline]").line_with(|l| {
            l.push_str(signature);
            l.push_str(" {");
        });
        for line in body {
            text.line_with(|l| {
                l.push_str("    ");
                l.push_str(line);
            });
        }
        text.line("}");
        text
    }

    /// A member whose text cannot be written (its caller builds the node).
    pub fn unfit() -> Verbatim {
        Verbatim { indent: MEMBER_INDENT, text: String::new(), fits: false }
    }

    /// Whether every line so far can be printed as text.
    pub fn fits(&self) -> bool {
        self.fits
    }

    /// Whether the run has no lines.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `other`'s lines (a member written on its own, at the same indentation).
    pub fn append(&mut self, other: &Verbatim) {
        debug_assert_eq!(self.indent, other.indent);
        self.fits &= other.fits;
        self.text.push_str(&other.text);
    }

    /// Items of an `impl` (methods): one placeholder macro item (printed `name!();`).
    pub fn impl_items(&mut self) -> Option<Vec<ImplItem>> {
        let index = self.store()?;
        let mac = mac(&Self::placeholder(index), TokenStream::new());
        Some(vec![ImplItem::Macro(ImplItemMacro { attrs: Vec::new(), mac, semi_token: Some(Default::default()) })])
    }

    /// A function body: one placeholder statement.
    pub fn body(&mut self) -> Option<Vec<Stmt>> {
        let index = self.store()?;
        Some(vec![Stmt::Expr(path_expr(&Self::placeholder(index)), None)])
    }

    /// A struct's fields: one placeholder field (printed `name: u8,`; the index is read
    /// up to its end).
    pub fn fields(&mut self) -> Option<Vec<Field>> {
        let index = self.store()?;
        Some(vec![field(Vec::new(), false, &Self::placeholder(index), ty("u8"))])
    }

    /// An enum's variants: one placeholder variant.
    pub fn variants(&mut self) -> Option<Vec<Variant>> {
        let index = self.store()?;
        Some(vec![variant(Vec::new(), &Self::placeholder(index), Vec::new())])
    }
}

/// The members of an item (a struct's fields, an impl's methods) in order, each written as
/// text ([`Verbatim`]) where it fits and built as a node where not; consecutive text members
/// share one placeholder. So one long field or signature costs that member its text, not the
/// whole item.
pub struct Members<T> {
    out: Vec<T>,
    run: Verbatim,
    /// [`Verbatim::fields`] or [`Verbatim::impl_items`].
    placeholder: fn(&mut Verbatim) -> Option<Vec<T>>,
}

impl Members<Field> {
    /// The fields of a top-level struct.
    pub fn fields() -> Self {
        Members { out: Vec::new(), run: Verbatim::new(MEMBER_INDENT), placeholder: Verbatim::fields }
    }
}

impl Members<ImplItem> {
    /// The items of a top-level impl.
    pub fn impl_items() -> Self {
        Members { out: Vec::new(), run: Verbatim::new(MEMBER_INDENT), placeholder: Verbatim::impl_items }
    }
}

impl<T> Members<T> {
    /// A member: its text when that fits, else the node `node` builds.
    pub fn push(&mut self, text: &Verbatim, node: impl FnOnce() -> T) {
        if text.fits() {
            self.run.append(text);
        } else {
            self.push_node(node());
        }
    }

    /// A member that is always a node.
    pub fn push_node(&mut self, node: T) {
        self.flush();
        self.out.push(node);
    }

    fn flush(&mut self) {
        if !self.run.is_empty() {
            // Only fitting members were appended, so the run stores (and is left empty).
            self.out.extend((self.placeholder)(&mut self.run).unwrap_or_default());
        }
    }

    /// The members, in order.
    pub fn finish(mut self) -> Vec<T> {
        self.flush();
        self.out
    }
}

/// Appends a path type whose arguments are all such types as prettyplease prints it
/// (`Option<Vec<super::Group>>`, the shape of every type emit builds); false, with `out` in
/// any state, for any other type.
pub fn push_path_type(ty: &Type, out: &mut String) -> bool {
    use std::fmt::Write;
    let Type::Path(TypePath { qself: None, path, .. }) = ty else { return false };
    if path.leading_colon.is_some() {
        out.push_str("::");
    }
    for (i, segment) in path.segments.iter().enumerate() {
        if i > 0 {
            out.push_str("::");
        }
        // Written straight into `out` (`Ident` has no `&str` to borrow).
        let _ = write!(out, "{}", segment.ident);
        match &segment.arguments {
            PathArguments::None => {}
            PathArguments::AngleBracketed(args) if args.colon2_token.is_none() => {
                out.push('<');
                for (j, arg) in args.args.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    let GenericArgument::Type(arg) = arg else { return false };
                    if !push_path_type(arg, out) {
                        return false;
                    }
                }
                out.push('>');
            }
            _ => return false,
        }
    }
    true
}

/// The source text of a string literal, as `proc_macro2` spells it: printable ASCII other
/// than `"` and `\` stands for itself (the wire names, nearly always); anything else goes
/// through `Literal::string`, which escapes it char by char.
pub fn str_literal_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_str_literal(&mut out, value);
    out
}

/// Appends [`str_literal_text`] of `value` to `out`.
pub fn push_str_literal(out: &mut String, value: &str) {
    if value.bytes().all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(value);
        out.push('"');
    } else {
        out.push_str(&Literal::string(value).to_string());
    }
}

// ---- statements ----

/// `expr;`.
pub fn stmt_semi(expr: Expr) -> Stmt {
    Stmt::Expr(expr, Some(Default::default()))
}

/// `expr` as the block's value.
pub fn stmt_value(expr: Expr) -> Stmt {
    Stmt::Expr(expr, None)
}

/// `let name = expr;`.
pub fn stmt_let(name: &str, expr: Expr) -> Stmt {
    Stmt::Local(Local {
        attrs: Vec::new(),
        let_token: Default::default(),
        modifiers: LocalModifiers::default(),
        pat: pat_ident(name),
        init: Some(LocalInit { eq_token: Default::default(), expr: Box::new(expr), diverge: None }),
        semi_token: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::format::print_items;
    use quote::quote;

    fn parsed(tokens: TokenStream) -> String {
        let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| unreachable!("{e}"));
        print_items(file.items)
    }

    /// The short std names emit writes are the ones `names` keeps free (and `names` reserves
    /// no more than emit writes, so no Graph type is renamed for nothing).
    #[test]
    fn prelude_names_are_reserved_by_names() {
        let written = [OPTION, SOME, NONE, STRING, VEC, BOX, RESULT, DEFAULT, DEFAULT_FN, FROM, INTO];
        let mut firsts: Vec<&str> = written.iter().map(|p| p.split("::").next().unwrap_or(p)).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut reserved = crate::names::PRELUDE.to_vec();
        reserved.sort_unstable();
        assert_eq!(firsts, reserved);
    }

    /// A table macro prints one row per line, however long the rows, and an empty one as `{}`;
    /// a doc line naming the placeholder is left alone.
    #[test]
    fn table_macro_rows_print_one_per_line() {
        let long = "x".repeat(120);
        let rows = vec!["0 id = \"id\",".to_string(), format!("1 {long} = \"{long}\",")];
        let imp = impl_block(
            docs(&[format!(" {ROWS_PLACEHOLDER}0"), String::new()]),
            Some(path("crate::runtime::Model")),
            "S",
            vec![table_macro_impl_item("crate::m", &rows), table_macro_impl_item("crate::m", &[])],
        );
        let want = format!(
            "/// {ROWS_PLACEHOLDER}0\n///\nimpl crate::runtime::Model for S {{\n    crate::m! {{\n        0 id = \"id\",\n        1 {long} = \"{long}\",\n    }}\n    crate::m! {{}}\n}}\n"
        );
        assert_eq!(print_items(vec![imp]), want);
    }

    /// A [`Verbatim`] run prints exactly what prettyplease prints for the nodes it stands for:
    /// fields, variants and a method body, nested lines included.
    #[test]
    fn verbatim_runs_print_like_nodes() {
        let option = |t| generic_ty(OPTION, t);
        let doc = vec![" A field.".to_string(), String::new(), " More.".to_string()];
        let field_specs = vec![
            (doc.clone(), "a", option(generic_ty(VEC, ty("super::Group")))),
            (Vec::new(), "b", ty("crate::runtime::Extra")),
        ];
        let items = |fields, variants, body| {
            vec![
                pub_struct(docs(&doc), "S", fields),
                pub_enum(Vec::new(), "E", variants),
                impl_block(
                    Vec::new(),
                    None,
                    "S",
                    vec![inline_fn(docs(&doc), true, "f", SelfArg::None, vec![], Some(ty("Self")), body)],
                ),
            ]
        };
        // Runs are taken by the next print on this thread: each version is built, then printed.
        let verbatim = {
            let mut text = Verbatim::new(MEMBER_INDENT);
            for (docs, name, t) in &field_specs {
                text.doc_lines(docs).typed_line(&format!("pub {name}: "), t, ",");
            }
            let fields = text.fields().expect("fits");
            let mut text = Verbatim::new(MEMBER_INDENT);
            text.doc_lines(&doc).line("A,").line("Other(String),");
            let variants = text.variants().expect("fits");
            let mut text = Verbatim::new(METHOD_BODY_INDENT);
            text.line("match s {").line("    \"a\" => Self::A,").line("}");
            print_items(items(fields, variants, text.body().expect("fits")))
        };
        let nodes = {
            let fields = field_specs.iter().map(|(d, n, t)| field(docs(d), true, n, t.clone())).collect();
            let variants = vec![variant(docs(&doc), "A", Vec::new()), variant(Vec::new(), "Other", vec![ty(STRING)])];
            let arms = vec![arm(Vec::new(), pat_str("a"), path_expr("Self::A"))];
            print_items(items(fields, variants, vec![stmt_value(match_expr(path_expr("s"), arms))]))
        };
        assert_eq!(verbatim, nodes);
        assert!(!verbatim.contains(ROWS_PLACEHOLDER), "{verbatim}");
        assert!(verbatim.contains("    pub a: Option<Vec<super::Group>>,\n"), "{verbatim}");
    }

    /// Members mix text runs and nodes in order (a long field between two short ones), and a
    /// method written as text prints as `inline_fn` prints it.
    #[test]
    fn members_interleave_text_and_nodes() {
        let long = format!("super::{}", "Long".repeat(20));
        let specs = vec![
            (vec![" First.".to_string()], "a", ty(STRING)),
            (vec![" Second.".to_string()], "b", generic_ty(OPTION, ty(&long))),
            (Vec::new(), "c", ty("u8")),
        ];
        let docs_new = [" New.".to_string()];
        let text = {
            let mut fields = Members::fields();
            for (d, n, t) in &specs {
                let mut text = Verbatim::new(MEMBER_INDENT);
                text.doc_lines(d).typed_line(&format!("pub {n}: "), t, ",");
                fields.push(&text, || field(docs(d), true, n, t.clone()));
            }
            let mut methods = Members::impl_items();
            methods
                .push(&Verbatim::method(&docs_new, "pub fn new() -> Self", &["<Self as Default>::default()"]), || {
                    unreachable!("fits")
                });
            methods.push(&Verbatim::unfit(), || {
                value_fn(Vec::new(), false, "g", SelfArg::MutValue, ty("Self"), path_expr("self"))
            });
            let items =
                vec![pub_struct(Vec::new(), "S", fields.finish()), impl_block(Vec::new(), None, "S", methods.finish())];
            print_items(items)
        };
        let nodes = {
            let fields = specs.iter().map(|(d, n, t)| field(docs(d), true, n, t.clone())).collect();
            let default = call_expr(qualified_path_expr(ty("Self"), DEFAULT, "default"), vec![]);
            let methods = vec![
                value_fn(docs(&docs_new), true, "new", SelfArg::None, ty("Self"), default),
                value_fn(Vec::new(), false, "g", SelfArg::MutValue, ty("Self"), path_expr("self")),
            ];
            print_items(vec![pub_struct(Vec::new(), "S", fields), impl_block(Vec::new(), None, "S", methods)])
        };
        assert_eq!(text, nodes);
        assert_eq!(text.matches("    pub ").count(), 4, "{text}");
    }

    /// A run gives up where prettyplease might print otherwise: a line past the width, a doc
    /// line printed as an attribute, a type that is not a plain path, a line break.
    #[test]
    fn verbatim_runs_give_up_where_prettyplease_may_differ() {
        let wide = "x".repeat(VERBATIM_WIDTH - METHOD_BODY_INDENT + 1);
        assert!(Verbatim::new(METHOD_BODY_INDENT).line(&wide[1..]).body().is_some());
        assert!(Verbatim::new(METHOD_BODY_INDENT).line(&wide).body().is_none());
        assert!(Verbatim::new(MEMBER_INDENT).doc_lines(&["/ leading slash".to_string()]).fields().is_none());
        assert!(Verbatim::new(MEMBER_INDENT).doc_lines(&[" two\nlines".to_string()]).fields().is_none());
        assert!(Verbatim::new(MEMBER_INDENT)
            .typed_line("pub a: ", &ref_ty(None, false, ty("str")), ",")
            .fields()
            .is_none());
        assert!(Verbatim::new(MEMBER_INDENT).line("a,\nb,").variants().is_none());
        assert!(DocRuns::take().len() == 1, "only the run that fit is stored");
    }

    /// The fast spelling of string literals is proc_macro2's.
    #[test]
    fn string_literal_text_is_proc_macro2s() {
        for s in [
            "",
            "displayName",
            "a b/c-d.e@f",
            "it's",
            "\"q\"",
            "back\\slash",
            "tab\t",
            "nul\0",
            "nul\x001",
            "\u{e9}t\u{e9}",
            "~ !",
        ] {
            assert_eq!(str_literal_text(s), Literal::string(s).to_string(), "{s:?}");
        }
    }

    /// Every constructor, used once, prints like syn's parse of the same source: what emit
    /// builds is what it printed when it still parsed `quote!` tokens.
    #[test]
    fn built_nodes_print_like_parsed_source() {
        let option = |t| generic_ty("Option", t);
        let doc_lines = |text: &str| docs(&[text.to_string()]);
        let mut struct_attrs = doc_lines(" A doc.");
        struct_attrs.extend([derive(&["Clone", "Default"]), cfg_feature("x")]);
        let strukt = pub_struct(
            struct_attrs,
            "S",
            vec![
                field(doc_lines(" A field."), true, "a", option(ty("String"))),
                field(Vec::new(), false, "b", ref_ty(Some("'static"), false, slice_ty(ty("str")))),
            ],
        );
        let arms = vec![
            arm(Vec::new(), pat_int(0), reference(true, field_expr(path_expr("self"), "a"))),
            arm(Vec::new(), pat_str("x"), call("Self::V", vec![method_call(path_expr("s"), "into", vec![])])),
            arm(vec![cfg_feature("y")], pat_tuple_struct("Self::W", vec![pat_ident("v")]), path_expr("v")),
            arm(Vec::new(), pat_path("Self::Z"), lit_str("z")),
            arm(Vec::new(), pat_wild(), return_expr(path_expr("None"))),
        ];
        let chain = method_call(call("P::new", vec![]), "lit", vec![lit_str("/a/")]);
        let into_u8 = impl_ty(generic_path("Into", vec![ty("u8")]));
        let imp = impl_block(
            vec![cfg_feature("z")],
            Some(generic_path("From", vec![ty("u8")])),
            "S",
            vec![
                str_const("N", "n"),
                str_list_const("L", ["a", "b"].into_iter()),
                inline_fn(
                    doc_lines(" A method."),
                    true,
                    "f",
                    SelfArg::RefMut,
                    vec![("index", ty("usize")), ("v", into_u8)],
                    Some(option(ref_ty(None, true, dyn_ty("crate::runtime::Slot")))),
                    vec![
                        stmt_let("path", try_expr(method_call(chain, "finish", vec![]))),
                        stmt_semi(macro_expr("matches", quote! { self, Self::Other(_) })),
                        stmt_value(call_expr(
                            qualified_path_expr(ty("Self"), "Default", "default"),
                            vec![match_expr(path_expr("index"), arms)],
                        )),
                    ],
                ),
                value_fn(Vec::new(), false, "g", SelfArg::MutValue, ty("Self"), path_expr("self")),
                inline_fn(Vec::new(), false, "h", SelfArg::Ref, vec![], None, vec![]),
                inline_fn(Vec::new(), false, "k", SelfArg::None, vec![], None, vec![]),
                table_macro_impl_item("crate::m", &[]),
            ],
        );
        let enm = pub_enum(
            vec![derive(&["Clone"])],
            "E",
            vec![variant(doc_lines(" d"), "A", Vec::new()), variant(Vec::new(), "B", vec![ty("u8")])],
        );
        let alias = pub_type(doc_lines(" An alias."), "T", ty("::serde_json::Value"));
        let built = print_items(vec![strukt, imp, enm, alias, macro_item("crate::n", quote! { S })]);
        let want = parsed(quote! {
            /// A doc.
            #[derive(Clone, Default)]
            #[cfg(feature = "x")]
            pub struct S {
                /// A field.
                pub a: Option<String>,
                b: &'static [str],
            }
            #[cfg(feature = "z")]
            impl From<u8> for S {
                const N: &'static str = "n";
                const L: &'static [&'static str] = &["a", "b"];
                /// A method.
                #[inline]
                pub fn f(&mut self, index: usize, v: impl Into<u8>) -> Option<&mut dyn crate::runtime::Slot> {
                    let path = P::new().lit("/a/").finish()?;
                    matches!(self, Self::Other(_));
                    <Self as Default>::default(match index {
                        0 => &mut self.a,
                        "x" => Self::V(s.into()),
                        #[cfg(feature = "y")]
                        Self::W(v) => v,
                        Self::Z => "z",
                        _ => return None
                    })
                }
                #[inline]
                fn g(mut self) -> Self {
                    self
                }
                #[inline]
                fn h(&self) {}
                #[inline]
                fn k() {}
                crate::m! {}
            }
            #[derive(Clone)]
            pub enum E {
                /// d
                A,
                B(u8),
            }
            /// An alias.
            pub type T = ::serde_json::Value;
            crate::n!(S);
        });
        assert_eq!(built, want);
    }
}
