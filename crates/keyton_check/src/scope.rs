//! Variables: which binding a name means at each point, their types, and
//! where each moved, so a use after a move is reported with both lines.

use keyton_diagnostics::Span;
use keyton_index::Ty;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug)]
pub struct Binding {
    pub rust_name: String,
    pub ty: Ty,
    pub defined: Span,
    pub moved: Option<Span>,
    /// The frame the binding lives in.
    pub frame: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A function body (or the top level): names outside are not visible.
    Function,
    /// A lambda body: it sees the enclosing variables.
    Lambda,
    Loop,
    Block,
}

#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    names: HashMap<String, usize>,
}

#[derive(Default)]
pub struct Scopes {
    bindings: Vec<Binding>,
    frames: Vec<Frame>,
    /// Top-level names ever looked up (a cell loads only the session
    /// variables it mentions).
    looked_up: RefCell<HashSet<String>>,
}

pub type BindingId = usize;

impl Scopes {
    pub fn push(&mut self, kind: FrameKind) {
        self.frames.push(Frame {
            kind,
            names: HashMap::new(),
        });
    }

    /// How many frames are open (1 at the top level).
    pub fn depth(&self) -> usize {
        self.frames.len()
    }

    pub fn pop(&mut self) {
        self.frames.pop();
    }

    pub fn in_loop(&self) -> bool {
        self.frames
            .iter()
            .rev()
            .take_while(|f| f.kind != FrameKind::Function && f.kind != FrameKind::Lambda)
            .any(|f| f.kind == FrameKind::Loop)
    }

    pub fn in_lambda(&self) -> bool {
        self.frames
            .iter()
            .rev()
            .take_while(|f| f.kind != FrameKind::Function)
            .any(|f| f.kind == FrameKind::Lambda)
    }

    pub fn in_function(&self) -> bool {
        self.frames.len() > 1
            && self
                .frames
                .iter()
                .skip(1)
                .any(|f| f.kind == FrameKind::Function)
    }

    /// A new binding of `name` in the innermost frame.
    pub fn bind(&mut self, name: &str, ty: Ty, defined: Span) -> BindingId {
        let id = self.bindings.len();
        let frame = self.frames.len() - 1;
        self.bindings.push(Binding {
            rust_name: name.to_string(),
            ty,
            defined,
            moved: None,
            frame,
        });
        self.frames[frame].names.insert(name.to_string(), id);
        id
    }

    /// The binding `name` means here, looking outwards up to the enclosing function.
    pub fn lookup(&self, name: &str) -> Option<BindingId> {
        for frame in self.frames.iter().rev() {
            if let Some(id) = frame.names.get(name) {
                if self.bindings[*id].frame == 0 {
                    self.looked_up.borrow_mut().insert(name.to_string());
                }
                return Some(*id);
            }
            if frame.kind == FrameKind::Function {
                break;
            }
        }
        None
    }

    /// The bindings of the top level, by name.
    pub fn top_level_bindings(&self) -> Vec<(String, BindingId)> {
        let mut out: Vec<(String, BindingId)> = self
            .frames
            .first()
            .map(|f| f.names.iter().map(|(n, id)| (n.clone(), *id)).collect())
            .unwrap_or_default();
        out.sort_by_key(|(_, id)| *id);
        out
    }

    /// Whether `name` was ever looked up at the top level.
    pub fn was_looked_up(&self, name: &str) -> bool {
        self.looked_up.borrow().contains(name)
    }

    /// Whether the binding lives in the innermost frame.
    pub fn is_local_to_frame(&self, id: BindingId) -> bool {
        self.bindings[id].frame + 1 == self.frames.len()
    }

    pub fn get(&self, id: BindingId) -> &Binding {
        &self.bindings[id]
    }

    pub fn get_mut(&mut self, id: BindingId) -> &mut Binding {
        &mut self.bindings[id]
    }

    /// Where each binding moved, to restore before checking another branch.
    pub fn moves(&self) -> Vec<Option<Span>> {
        self.bindings.iter().map(|b| b.moved).collect()
    }

    /// Merge the moves of the branches that fall through: a value moved in
    /// any of them is moved after the branching statement.
    pub fn merge_moves(&mut self, before: &[Option<Span>], branches: &[Vec<Option<Span>>]) {
        for (i, binding) in self.bindings.iter_mut().enumerate() {
            binding.moved = if i >= before.len() {
                binding.moved
            } else if branches.is_empty() {
                before[i]
            } else {
                branches.iter().find_map(|b| b.get(i).copied().flatten())
            };
        }
    }

    pub fn set_moves(&mut self, moves: &[Option<Span>]) {
        for (binding, moved) in self.bindings.iter_mut().zip(moves) {
            binding.moved = *moved;
        }
    }

    /// Names visible here, for suggestions.
    pub fn visible_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for frame in self.frames.iter().rev() {
            out.extend(frame.names.keys().cloned());
            if frame.kind == FrameKind::Function {
                break;
            }
        }
        out
    }
}
