package auth

import (
	"github.com/bulkops/bulkops/internal/atomicfile"
	"github.com/bulkops/bulkops/internal/i18n"

	"encoding/json"
	"errors"
	"io/fs"
	"os"

	"github.com/bulkops/bulkops/internal/datadir"
)

// ProfilesFile is the file in the data directory that lists the profiles.
const ProfilesFile = "profiles.json"

// ProfileSet is the content of profiles.json: every profile and the one in use.
type ProfileSet struct {
	Current  string    `json:"current"`
	Profiles []Profile `json:"profiles"`
	path     string
}

// LoadProfiles reads profiles.json from the data directory; see LoadProfilesFile.
func LoadProfiles() (*ProfileSet, error) {
	path, err := datadir.File(ProfilesFile)
	if err != nil {
		return nil, err
	}
	return LoadProfilesFile(path)
}

// LoadProfilesFile reads the profiles at path. A missing file gives the default set: the
// embedded sandbox alone, in use. The embedded sandbox is always present.
func LoadProfilesFile(path string) (*ProfileSet, error) {
	s := &ProfileSet{path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, i18n.Errorf("profiles %s: %w", path, err)
	default:
		if err := json.Unmarshal(data, s); err != nil {
			return nil, i18n.Errorf("profiles %s: not valid JSON: %v", path, err)
		}
	}
	seen := map[string]bool{}
	for i, p := range s.Profiles {
		if err := p.Validate(); err != nil {
			return nil, i18n.Errorf("profiles %s, entry %d: %w", path, i+1, err)
		}
		if seen[p.Name] {
			return nil, i18n.Errorf("profiles %s, entry %d: the name %q is used twice", path, i+1, p.Name)
		}
		seen[p.Name] = true
	}
	if !seen[EmbeddedName] {
		s.Profiles = append([]Profile{EmbeddedProfile()}, s.Profiles...)
	}
	if _, ok := s.Get(s.Current); !ok {
		s.Current = EmbeddedName
	}
	return s, nil
}

// Save writes the set back to the file it came from (mode 0600, replaced atomically).
func (s *ProfileSet) Save() error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(s.path, 0o600, append(data, '\n')); err != nil {
		return i18n.Errorf("profiles %s: %w", s.path, err)
	}
	return nil
}

// Get returns the profile called name; EmptyName is the second embedded sandbox unless
// a stored profile has that name.
func (s *ProfileSet) Get(name string) (Profile, bool) {
	for _, p := range s.Profiles {
		if p.Name == name {
			return p, true
		}
	}
	if name == EmptyName {
		return EmptyProfile(), true
	}
	return Profile{}, false
}

// Active returns the profile in use.
func (s *ProfileSet) Active() Profile {
	p, _ := s.Get(s.Current)
	return p
}

// Put adds p, or replaces the profile of the same name.
func (s *ProfileSet) Put(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.Name == EmbeddedName && p.Kind != KindEmbedded {
		return i18n.Errorf("profile name %q is taken by the embedded sandbox", p.Name)
	}
	for i := range s.Profiles {
		if s.Profiles[i].Name == p.Name {
			s.Profiles[i] = p
			return nil
		}
	}
	s.Profiles = append(s.Profiles, p)
	return nil
}

// Use makes name the profile in use.
func (s *ProfileSet) Use(name string) error {
	if _, ok := s.Get(name); !ok {
		return i18n.Errorf("there is no profile %q", name)
	}
	s.Current = name
	return nil
}

// Remove deletes the profile name (call Authenticator.Forget first to delete its
// secrets). The embedded sandbox cannot be removed; removing the profile in use goes
// back to it.
func (s *ProfileSet) Remove(name string) error {
	if name == EmbeddedName {
		return i18n.Errorf("the embedded sandbox profile cannot be removed")
	}
	for i, p := range s.Profiles {
		if p.Name == name {
			s.Profiles = append(s.Profiles[:i], s.Profiles[i+1:]...)
			if s.Current == name {
				s.Current = EmbeddedName
			}
			return nil
		}
	}
	return i18n.Errorf("there is no profile %q", name)
}
