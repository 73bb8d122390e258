//! `resolve` of a layer: scales, axes and legends are shared between layered views (the
//! default). Independent scales (dual axes) are refused for now, with their path.

use crate::error::{Error, Path};
use crate::grammar::json::check_keys;
use crate::grammar::Json;

/// Checks a `resolve` object: every entry must be `"shared"`.
pub fn check(r: &Json, path: &Path) -> Result<(), Error> {
    check_keys(r, path, &["scale", "axis", "legend"], &[])?;
    for (k, v) in r.obj(path)? {
        let p = path.key(k);
        for (ch, how) in v.obj(&p)? {
            match how {
                Json::Str(s) if s == "shared" => {}
                Json::Str(s) if s == "independent" => {
                    return Err(Error::unsupported(&p.key(ch), "\"independent\" is not supported yet", "shared"))
                }
                other => return Err(Error::unsupported(&p.key(ch), other.to_text(), "shared")),
            }
        }
    }
    Ok(())
}
