//! The evaluation report of the shipped engine for a JSONL file (what the host's
//! `careagents guard eval <file.jsonl> [--json]` prints):
//! `cargo run --release -p careagents-guardrails --example eval -- <file.jsonl> [--json]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: eval <file.jsonl> [--json]");
    let json = args.any(|a| a == "--json");
    let text = std::fs::read_to_string(&path).expect("read file");
    match careagents_guardrails::eval::run(&text, json) {
        Ok(report) => println!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
