//! `fermyon:spin/variables@2.0.0`: a component reads only the variables declared under its own
//! `[component.<id>.variables]`, already expanded from application variables at load time.

use super::bindings::fermyon::spin::variables::{Error, Host};
use crate::state::RequestState;

impl Host for RequestState {
    fn get(&mut self, name: String) -> wasmtime::Result<Result<String, Error>> {
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Ok(Err(Error::InvalidName(name)));
        }
        Ok(match self.component.variables.get(&name) {
            Some(v) => Ok(v.to_string()),
            None => Err(Error::Undefined(name)),
        })
    }
}
